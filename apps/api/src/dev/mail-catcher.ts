import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface CaughtMail {
  id: number;
  receivedAt: Date;
  from: string;
  to: string;
  subject: string;
  text: string;
}

const MAX_KEPT = 1000;
const bareMessageId = (id: string) => id.trim().replace(/^<|>$/g, '');

/**
 * The part of Mailpit's search API the worker's delivery lookup uses (SMTP_RECONCILE_URL):
 * `GET /api/v1/search?query=message-id:<id>` → `{ messages: [{ MessageID }] }`.
 */
function answerSearch(url: string, seen: Set<string>, res: import('node:http').ServerResponse) {
  const term = /^message-id:(.+)$/i.exec(new URL(url, 'http://catcher').searchParams.get('query') ?? '')?.[1];
  const id = term ? bareMessageId(term) : '';
  const messages = id && seen.has(id) ? [{ MessageID: id }] : [];
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ messages_count: messages.length, messages }));
}
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const jst = (d: Date) => d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });

/**
 * For `npm start` on a machine without the docker-compose mail catcher: an SMTP server that keeps the
 * last messages in memory and a small web page to read them. Development only; nothing leaves the
 * machine.
 */
export async function startMailCatcher(smtpPort: number, webPort: number): Promise<{ webUrl: string; close(): Promise<void> }> {
  const mails: CaughtMail[] = [];
  /** every Message-ID received (not only the kept ones), for the worker's delivery lookup */
  const seen = new Set<string>();
  let next = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, _session: unknown, callback: (err?: Error) => void) {
      simpleParser(stream)
        .then((m: { messageId?: string; from?: { text: string }; to?: { text: string }; subject?: string; text?: string }) => {
          if (m.messageId) seen.add(bareMessageId(m.messageId));
          mails.unshift({ id: next++, receivedAt: new Date(), from: m.from?.text ?? '', to: m.to?.text ?? '', subject: m.subject ?? '', text: m.text ?? '' });
          mails.length = Math.min(mails.length, MAX_KEPT);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', () => resolve());
  });
  const web: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/search')) return answerSearch(req.url, seen, res);
    const match = /^\/(\d+)$/.exec(req.url ?? '');
    const mail = match ? mails.find((m) => m.id === Number(match[1])) : undefined;
    const body = mail
      ? `<p><a href="/">← 一覧</a></p><h2>${esc(mail.subject)}</h2><p>宛先: ${esc(mail.to)}<br>差出人: ${esc(mail.from)}<br>受信: ${jst(mail.receivedAt)}</p><pre style="white-space:pre-wrap">${esc(mail.text)}</pre>`
      : `<h1>受信メール (開発用)</h1><p>${mails.length}件 (最新${MAX_KEPT}件まで保持)</p><table border="1" cellpadding="4"><tr><th>受信</th><th>宛先</th><th>件名</th></tr>${mails
          .map((m) => `<tr><td>${jst(m.receivedAt)}</td><td>${esc(m.to)}</td><td><a href="/${m.id}">${esc(m.subject)}</a></td></tr>`)
          .join('')}</table>`;
    res.writeHead(mail || !match ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>受信メール</title></head><body style="font-family:sans-serif">${body}</body></html>`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', (e) => {
      smtp.close(() => reject(e));
    });
    web.listen(webPort, '127.0.0.1', () => resolve());
  });
  return {
    webUrl: `http://localhost:${(web.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => web.close(() => r()));
    },
  };
}
