import type { TemplateAudience, TemplateText } from './render';

const SIGNATURE = '\n\n――――――――――\n補助金事務局\nこのメールは送信専用です。お問い合わせは事務局の相談窓口までお願いします。';
const HEAD = '{{applicantName}} 様\n\n';
const REF = '\n\n受付番号: {{receiptNumber}}\n公募回: {{roundName}}\n類型: {{categoryName}}';

const STAFF_SIGNATURE = '\n\n――――――――――\n補助金事務局 管理システム（自動送信）';

const t = (subject: string, body: string): TemplateText => ({
  subject: `【補助金事務局】${subject}（受付番号 {{receiptNumber}}）`,
  bodyText: `${HEAD}${body}${REF}${SIGNATURE}`,
});

/** The first version of every template the workflow definitions name (notifyApplicant effects). */
export const DEFAULT_TEMPLATES: Readonly<Record<string, TemplateText>> = {
  received: t('申請を受け付けました', '申請を受け付けました。受付番号は今後のお問い合わせの際に必要です。\n補助金額（見込み）: {{quotedAmount}}'),
  returned: t(
    '申請内容の修正をお願いします（差戻し）',
    '申請内容に修正が必要な点がありました。以下の事項を修正のうえ、補正期限までに再提出してください。\n\n修正を求める事項:\n{{reason}}\n\n補正期限: {{correctionDueAt}}',
  ),
  resubmissionReceived: t('再提出を受け付けました', '修正後の申請（再提出）を受け付けました。引き続き審査を行います。'),
  ineligible: t(
    '申請要件を満たしていないため審査の対象外となりました',
    '申請内容を確認した結果、申請要件を満たしていないため、審査の対象外となりました。\n\n理由:\n{{reason}}',
  ),
  adopted: t(
    '採択のお知らせ',
    '審査の結果、貴社の申請は補助金交付候補者として採択されました。\n補助金額（見込み）: {{quotedAmount}}\n\n今後、交付申請の手続きをお願いします。',
  ),
  rejected: t('審査結果のお知らせ', '審査の結果、誠に残念ながら今回は不採択となりました。\n\n{{reason}}'),
  waitlisted: t('審査結果のお知らせ（補欠）', '審査の結果、貴社の申請は補欠となりました。採択者の辞退等により枠が生じた場合は、改めてご連絡します。'),
  withdrawn: t('申請の取下げを受け付けました', '申請の取下げを受け付けました。\n\n理由:\n{{reason}}'),
  grantApplicationReceived: t('交付申請を受け付けました', '交付申請を受け付けました。内容を確認のうえ、交付決定をお知らせします。'),
  grantDecided: t('交付決定のお知らせ', '補助金の交付を決定しました。交付決定通知書の内容に従って補助事業を実施してください。\n補助金額: {{quotedAmount}}'),
  notGranted: t('交付に関するお知らせ', '審査の結果、補助金を交付しないこととなりました。\n\n理由:\n{{reason}}'),
  performanceReportReceived: t('実績報告を受け付けました', '実績報告を受け付けました。確定検査の後、補助金の額を確定します。'),
  performanceReportReturned: t('実績報告の修正をお願いします', '実績報告に修正が必要な点がありました。\n\n{{reason}}'),
  amountFixed: t('補助金の額の確定のお知らせ', '補助金の額を確定しました。精算払請求の手続きをお願いします。'),
  paid: t('補助金のお支払いについて', '補助金のお支払い手続きが完了しました。'),
  benefitDecided: t('給付決定のお知らせ', '給付を決定しました。\n給付額: {{quotedAmount}}'),
  deficient: t('申請内容に不備があります', '申請内容に不備がありました。以下を修正のうえ再提出してください。\n\n{{reason}}\n\n補正期限: {{correctionDueAt}}'),
  transferred: t('振込完了のお知らせ', '給付金の振込を完了しました。'),
  // sent by the scheduler (schedules.remindCorrections) before the 補正期限 of a returned application
  correctionReminder: t(
    '補正期限のお知らせ',
    '差戻しした申請の補正期限が近づいています。以下の事項を修正のうえ、補正期限までに再提出してください。\n期限までに再提出がない場合、申請要件を満たしていないものとして審査の対象外となります。\n\n修正を求める事項:\n{{reason}}\n\n補正期限: {{correctionDueAt}}',
  ),
  // to staff: a reviewer before the review's due date, the managers every morning
  reviewReminder: {
    subject: '【補助金事務局】審査期限が近づいています（受付番号 {{receiptNumber}}）',
    bodyText:
      '{{recipientName}} 様\n\n担当している申請の審査期限が近づいています。期限までに審査結果を提出してください。\n\n審査期限: {{reviewDueAt}}\n受付番号: {{receiptNumber}}\n事業者名: {{applicantName}}\n公募回: {{roundName}}\n類型: {{categoryName}}' +
      STAFF_SIGNATURE,
  },
  managerDigest: {
    subject: '【補助金事務局】日次サマリー {{digestDate}}',
    bodyText: '{{recipientName}} 様\n\n{{digestDate}} 朝の時点の状況をお知らせします。\n\n{{digestSummary}}' + STAFF_SIGNATURE,
  },
};

/** Japanese name and audience of every template (the admin's テンプレート list, the variables it may use). */
export const TEMPLATE_INFO: Readonly<Record<string, { readonly label: string; readonly audience: TemplateAudience }>> = {
  received: { label: '受付', audience: 'applicant' },
  returned: { label: '差戻し', audience: 'applicant' },
  resubmissionReceived: { label: '再提出受付', audience: 'applicant' },
  ineligible: { label: '要件不適合', audience: 'applicant' },
  adopted: { label: '採択', audience: 'applicant' },
  rejected: { label: '不採択', audience: 'applicant' },
  waitlisted: { label: '補欠', audience: 'applicant' },
  withdrawn: { label: '取下げ', audience: 'applicant' },
  grantApplicationReceived: { label: '交付申請受付', audience: 'applicant' },
  grantDecided: { label: '交付決定', audience: 'applicant' },
  notGranted: { label: '不交付', audience: 'applicant' },
  performanceReportReceived: { label: '実績報告受付', audience: 'applicant' },
  performanceReportReturned: { label: '実績報告の差戻し', audience: 'applicant' },
  amountFixed: { label: '額の確定', audience: 'applicant' },
  paid: { label: '支払', audience: 'applicant' },
  benefitDecided: { label: '給付決定', audience: 'applicant' },
  deficient: { label: '不備', audience: 'applicant' },
  transferred: { label: '振込完了', audience: 'applicant' },
  correctionReminder: { label: '補正期限のお知らせ', audience: 'applicant' },
  reviewReminder: { label: '審査期限のリマインダー（審査員宛）', audience: 'reviewer' },
  managerDigest: { label: '日次サマリー（事務局マネージャー宛）', audience: 'manager' },
};
