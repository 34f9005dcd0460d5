/**
 * The applicant's status page and its refusals as HTML (README "Status page"): one self-contained document,
 * no script, no external asset (the CSP the controller sends allows only this page's own inline style),
 * every value escaped, laid out for a phone first.
 */
export interface StatusPageView {
  receiptNumber: string;
  programName: string;
  roundName: string;
  categoryName: string;
  stateLabel: string;
  meaning: string;
  next: string;
  /** e.g. 補正期限 → 2026年12月10日(木) 17:00:00 */
  deadlines: { label: string; at: string }[];
  documents: { kindLabel: string; fileName: string }[];
  amount: { label: string; value: string } | null;
  /** when the page was made, JST */
  asOf: string;
  secretariat: { name: string; phone: string; hours: string; email: string };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;line-height:1.7;color:#1a1a1a;background:#f4f5f7}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.25rem;margin:.5rem 0 1rem}
section{background:#fff;border-radius:.5rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:1rem;margin:0 0 .5rem;color:#444}
.state{font-size:1.4rem;font-weight:bold;margin:0 0 .5rem}
dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem}
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
ul{margin:0;padding-left:1.2rem}li{overflow-wrap:anywhere}
.note{font-size:.875rem;color:#555}
`.trim();

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderStatusPage(v: StatusPageView): string {
  const deadlines = v.deadlines.map((d) => `<dt>${esc(d.label)}</dt><dd data-deadline>${esc(d.at)}（日本時間）</dd>`).join('');
  const documents = v.documents.length
    ? `<ul>${v.documents.map((d) => `<li>${esc(d.kindLabel)}: ${esc(d.fileName)}</li>`).join('')}</ul>`
    : '<p>電子で受け取った書類はありません（紙で提出された書類はここには表示されません）。</p>';
  return page(
    `申請状況 ${v.receiptNumber}`,
    `<h1>申請状況のご確認</h1>
<section aria-labelledby="state">
<h2 id="state">現在の状況</h2>
<p class="state" data-state>${esc(v.stateLabel)}</p>
<p data-meaning>${esc(v.meaning)}</p>
<h2>今後の流れ</h2>
<p data-next>${esc(v.next)}</p>
${deadlines ? `<dl>${deadlines}</dl>` : ''}
</section>
<section aria-labelledby="facts">
<h2 id="facts">申請の内容</h2>
<dl>
<dt>受付番号</dt><dd data-receipt>${esc(v.receiptNumber)}</dd>
<dt>事業</dt><dd>${esc(v.programName)}</dd>
<dt>公募回</dt><dd>${esc(v.roundName)}</dd>
<dt>類型</dt><dd>${esc(v.categoryName)}</dd>
${v.amount ? `<dt>${esc(v.amount.label)}</dt><dd data-amount>${esc(v.amount.value)}</dd>` : ''}
</dl>
</section>
<section aria-labelledby="documents">
<h2 id="documents">受け取った書類</h2>
${documents}
</section>
<section>
<h2>お問い合わせ</h2>
<p>${esc(v.secretariat.name)}<br>電話: ${esc(v.secretariat.phone)}（受付時間: ${esc(v.secretariat.hours)}）<br>メール: ${esc(v.secretariat.email)}</p>
<p class="note">${esc(v.asOf)} 時点の状況です。このページは申請者ご本人にお送りしたリンクからのみ表示できます。リンクを他の人に知らせないでください。</p>
</section>`,
  );
}

/** Unknown, altered, expired or revoked: one answer for all, so a token tells nothing about other links. */
export function renderNotFoundPage(): string {
  return page(
    'ページが見つかりません',
    `<h1>ページが見つかりません</h1>
<section>
<p>このリンクは無効か、有効期限が切れています。</p>
<p>事務局からお送りした最新のメールに記載のリンクを開いてください。ご不明な点は、メールに記載の事務局までお問い合わせください。</p>
</section>`,
  );
}

export function renderTooManyRequestsPage(retryAfterSeconds: number): string {
  return page(
    'しばらくしてからお試しください',
    `<h1>アクセスが集中しています</h1>
<section>
<p>短い時間に多くのアクセスがありました。${esc(String(retryAfterSeconds))}秒ほど待ってから、もう一度開いてください。</p>
</section>`,
  );
}
