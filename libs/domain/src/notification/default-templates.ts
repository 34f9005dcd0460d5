/**
 * The template catalogue: the built-in text of every notification template, and its variants per workflow
 * kind. A workflow definition names a template by its name (`notify('received')`); the mail about an
 * application of a programme is rendered from `<workflowKind>.<name>` when the catalogue has that variant
 * (`benefit.received`: 給付金 wording for 事業復活支援金, `itSubsidy.received`: IT導入補助金's 交付申請),
 * otherwise from `<name>` itself, the subsidies' text (templateCodeFor). Each code is stored and edited
 * in versions like any template (README "Templates").
 */
import type { WorkflowKind } from '../catalogue/catalogue.types';
import { renderTemplate, type NotificationVariables, type RenderedMessage, type TemplateAudience, type TemplateText } from './render';

/**
 * The applicant's footer: the link to the applicant's status page (「申請状況の確認: {{statusUrl}}」, README
 * "Status page"), then the secretariat's contact (SECRETARIAT_* in the API's config).
 */
const SIGNATURE =
  '\n\n――――――――――\n申請状況の確認: {{statusUrl}}\n{{secretariatName}}\n電話: {{secretariatPhone}}（受付時間: {{secretariatHours}}）\nメール: {{secretariatEmail}}\n' +
  'このメールは送信専用です。ご返信いただいてもお答えできませんので、お問い合わせは上記の連絡先までお願いします。';
const HEAD = '{{applicantName}} 様\n\n';
/** what the mail is about: the programme, its round and 類型, the 受付番号 */
const SUBSIDY_FACTS = '\n\n■ 申請の内容\n事業: {{programName}}\n公募回: {{roundName}}\n類型: {{categoryName}}\n受付番号: {{receiptNumber}}';
/** a benefit has no 公募回 or 類型 of its own: the programme and its application period */
const BENEFIT_FACTS = '\n\n■ 申請の内容\n事業: {{programName}}（{{roundName}}）\n受付番号: {{receiptNumber}}';

const STAFF_SIGNATURE = '\n\n――――――――――\n補助金事務局 管理システム（自動送信）';

const subsidy = (subject: string, body: string): TemplateText => ({
  subject: `【{{programName}}】${subject}（受付番号 {{receiptNumber}}）`,
  bodyText: `${HEAD}${body}${SUBSIDY_FACTS}${SIGNATURE}`,
});
const benefit = (subject: string, body: string): TemplateText => ({
  subject: `【{{programName}}】${subject}（受付番号 {{receiptNumber}}）`,
  bodyText: `${HEAD}${body}${BENEFIT_FACTS}${SIGNATURE}`,
});

/** The first version of every template: the names the workflow definitions notify(...), and their variants. */
export const DEFAULT_TEMPLATES: Readonly<Record<string, TemplateText>> = {
  // ── the subsidies' text (事業再構築, ものづくり, 持続化 …), and every workflow kind's where it has no variant
  received: subsidy(
    '申請を受け付けました',
    '{{programName}}の申請を受け付けました。受付番号は今後のお問い合わせの際に必要ですので、控えておいてください。\n補助金額（見込み）: {{quotedAmount}}\n\n申請要件の確認（要件確認）と審査の結果は、改めてお知らせします。',
  ),
  returned: subsidy(
    '申請内容の修正をお願いします（差戻し）',
    '申請内容に修正が必要な点がありました。以下の事項を修正のうえ、補正期限までに再提出してください。\n\n修正を求める事項:\n{{reason}}\n\n補正期限: {{correctionDueAt}}\n期限までに再提出がない場合、申請は審査の対象外となります。',
  ),
  // the 補正 may change the expenses: the mail states the amount as recomputed, which replaces the one the 受付 mail stated
  resubmissionReceived: subsidy(
    '再提出を受け付けました',
    '修正後の申請（再提出）を受け付けました。内容を確認のうえ、引き続き審査を行います。\n補助金額（見込み）: {{quotedAmount}}',
  ),
  ineligible: subsidy(
    '申請要件を満たしていないため審査の対象外となりました',
    '申請内容を確認した結果、次の申請要件を満たしていないため、今回の申請は審査の対象外となりました。この申請についての手続きはこれで終了です。\n\n満たしていない要件:\n{{reason}}',
  ),
  adopted: subsidy(
    '採択のお知らせ',
    '審査の結果、貴社の申請は補助金交付候補者として採択されました。\n補助金額（見込み）: {{quotedAmount}}\n\n採択は交付の決定ではありません。今後、交付申請の手続きをお願いします。補助金は、交付申請の内容を確認して交付を決定したのちに交付します。',
  ),
  rejected: subsidy('審査結果のお知らせ', '審査の結果、誠に残念ながら今回は不採択となりました。\n\n理由:\n{{reason}}'),
  // 再審査 in another 類型 of the same round (subsidy@1 reconsiderInCategory), held until the 採択発表 like every decision
  reconsidered: subsidy(
    '審査のお知らせ（別の類型での再審査）',
    '貴社の申請は、申請された類型では採択に至りませんでしたが、同じ公募回の別の類型で改めて審査することとなりました。これまでの審査の内容は引き継がれます。お手続きは必要ありません。\n\n理由:\n{{reason}}\n\n再審査の結果は、改めてお知らせします。',
  ),
  waitlisted: subsidy('審査結果のお知らせ（補欠）', '審査の結果、貴社の申請は補欠となりました。採択者の辞退等により枠が生じた場合は、改めてご連絡します。'),
  withdrawn: subsidy('申請の取下げを受け付けました', '申請の取下げを受け付けました。この申請についての手続きはこれで終了です。\n\n取下げの理由:\n{{reason}}'),
  grantApplicationReceived: subsidy('交付申請を受け付けました', '交付申請を受け付けました。内容を確認のうえ、交付決定をお知らせします。'),
  grantDecided: subsidy(
    '交付決定のお知らせ',
    '補助金の交付を決定しました。交付決定通知書の内容に従って補助事業を実施してください。\n補助金額: {{quotedAmount}}\n\n事業が完了したら、実績報告を提出してください。',
  ),
  notGranted: subsidy('交付に関するお知らせ（不交付）', '交付申請の内容を確認した結果、補助金を交付しないこととなりました。\n\n理由:\n{{reason}}'),
  performanceReportReceived: subsidy('実績報告を受け付けました', '実績報告を受け付けました。確定検査の後、補助金の額を確定してお知らせします。'),
  performanceReportReturned: subsidy(
    '実績報告の修正をお願いします',
    '実績報告に修正が必要な点がありました。以下の事項を修正のうえ、実績報告を再提出してください。\n\n修正を求める事項:\n{{reason}}',
  ),
  amountFixed: subsidy('補助金の額の確定のお知らせ', '確定検査の結果、補助金の額を確定しました。精算払請求の手続きをお願いします。'),
  // subsidy@2's 額の確定 carries the 確定額 the rules computed (docs/post-award.md), which a payment batch then pays, or
  // whose difference with a 概算払 is settled (paid, or claimed back: the mail sent with it says which); v1's (above)
  // records no amount, so its mail states none
  fixedAmountNotice: subsidy(
    '補助金の額の確定のお知らせ',
    '確定検査の結果、補助金の額を次のとおり確定しました。\n確定額: {{quotedAmount}}\n\n補助金のお支払い（概算払を受けている場合は、確定額との差額の精算）については、別途お知らせします。',
  ),
  // subsidy@2: the 概算払 paid the whole 確定額, so nothing is transferred after the 額の確定
  settledByAdvancePayment: subsidy(
    '補助金の精算について',
    '確定した補助金の額は、概算払でお支払いした額と同じです。このため、これ以上お支払いする額はなく、補助金の精算は完了しました。\n確定額: {{quotedAmount}}\n\n引き続き、毎年度の事業化状況報告の提出をお願いします。',
  ),
  // subsidy@2: the 概算払 paid more than the 確定額; the excess is to be returned (補助金適正化法 第18条第2項)
  advanceExcessClaimed: subsidy(
    '概算払の超過額の返還のお願い',
    '確定した補助金の額が、概算払でお支払いした額を下回りました。差額を、納期限までに事務局が指定する方法で返還してください。\n返還額: {{quotedAmount}}\n納期限: {{repaymentDueDate}}\n\n{{reason}}\n\n返還を確認すると補助金の精算が完了します。その後も、毎年度の事業化状況報告の提出をお願いします。',
  ),
  advanceExcessRepaid: subsidy(
    '概算払の超過額の返還の確認のお知らせ',
    '概算払の超過額の返還を確認しました。補助金の精算はこれで完了です。\n\n引き続き、毎年度の事業化状況報告の提出をお願いします。',
  ),
  // no amount: subsidy@1's 支払 is a manager's step that records none (a batch's 支払額 is in its lines and the audit record)
  paid: subsidy('補助金のお支払いについて', '補助金のお支払い手続きが完了しました。入金をご確認ください。'),
  // subsidy@2: paid by a payment batch (docs/payments.md), which knows what it transferred and when
  paidByBatch: subsidy(
    '補助金のお支払いについて',
    '補助金を次のとおりお振り込みしました。入金をご確認ください。\n支払額: {{quotedAmount}}\n振込日: {{paidOn}}\n\n引き続き、毎年度の事業化状況報告の提出をお願いします。',
  ),
  // ── after 交付決定 (subsidy@2, docs/post-award.md): 計画変更, 事業廃止, 事業化状況報告, 交付決定取消 and 返還
  advancePaymentRequestReceived: subsidy(
    '概算払の請求を受け付けました',
    '概算払の請求を受け付けました。\n請求額: {{quotedAmount}}\n\n内容を確認のうえ、お支払いします。お支払いした額は、額の確定の後にお支払いする補助金から差し引きます。',
  ),
  advancePaid: subsidy(
    '概算払のお支払いについて',
    '概算払のお支払い手続きが完了しました。入金をご確認ください。\n支払額: {{quotedAmount}}\n振込日: {{paidOn}}\n\n引き続き補助事業を実施し、事業が完了したら実績報告を提出してください。',
  ),
  advancePaymentRefused: subsidy(
    '概算払についてのお知らせ（不承認）',
    '概算払の請求は認められませんでした。補助金は、額の確定の後にお支払いします。\n\n理由:\n{{reason}}',
  ),
  planChangeRequestReceived: subsidy(
    '計画変更承認申請を受け付けました',
    '計画変更承認申請を受け付けました。内容を確認のうえ、承認するかどうかをお知らせします。承認されるまでは、変更前の計画に従って補助事業を実施してください。',
  ),
  planChangeApproved: subsidy('計画変更の承認のお知らせ', '計画変更を承認しました。変更後の計画に従って補助事業を実施してください。'),
  planChangeRefused: subsidy(
    '計画変更についてのお知らせ（不承認）',
    '計画変更は承認されませんでした。引き続き、交付決定の内容に従って補助事業を実施してください。\n\n理由:\n{{reason}}',
  ),
  abandonmentRequestReceived: subsidy(
    '事業廃止承認申請を受け付けました',
    '事業廃止承認申請を受け付けました。内容を確認のうえ、承認するかどうかをお知らせします。\n\n廃止の理由:\n{{reason}}',
  ),
  abandonmentApproved: subsidy(
    '事業廃止の承認のお知らせ',
    '補助事業の廃止を承認しました。この補助事業についての補助金は支払われません。この申請についての手続きはこれで終了です。',
  ),
  abandonmentRefused: subsidy(
    '事業廃止についてのお知らせ（不承認）',
    '事業廃止は承認されませんでした。引き続き、交付決定の内容に従って補助事業を実施してください。\n\n理由:\n{{reason}}',
  ),
  commercializationReportReceived: subsidy(
    '事業化状況報告を受け付けました',
    '事業化状況報告を受け付けました。定められた年数の間、毎年の事業化状況報告を期限までに提出してください。',
  ),
  grantRevoked: subsidy(
    '交付決定の取消しのお知らせ',
    '補助金の交付決定を取り消しました。\n返還額: {{quotedAmount}}\n納期限: {{repaymentDueDate}}\n\n返還額がある場合は、納期限までに事務局が指定する方法で返還してください（返還額が0円の場合、返還は不要です）。\n\n理由:\n{{reason}}',
  ),
  repaymentConfirmed: subsidy('補助金の返還の確認のお知らせ', '交付決定の取消しに伴う補助金の返還を確認しました。この申請についての手続きはこれで終了です。'),
  // sent by the scheduler (schedules.remindCommercializationReports) before each yearly 事業化状況報告 is due
  commercializationReportReminder: subsidy(
    '事業化状況報告の提出期限のお知らせ',
    '補助事業の事業化状況報告の提出期限が近づいています。補助金の交付を受けた事業者は、事業完了後の5年間、毎年、事業化の状況を報告していただく必要があります。\n期限までに、補助事業に係る売上高などの状況を報告してください。報告がない場合、補助金の返還を求めることがあります。\n\n提出期限: {{reportDueDate}}',
  ),
  // sent by the scheduler (schedules.remindCorrections) before the 補正期限 of a returned application
  correctionReminder: subsidy(
    '補正期限のお知らせ',
    '差戻しした申請の補正期限が近づいています。以下の事項を修正のうえ、補正期限までに再提出してください。\n期限までに再提出がない場合、申請要件を満たしていないものとして審査の対象外となります。\n\n修正を求める事項:\n{{reason}}\n\n補正期限: {{correctionDueAt}}',
  ),

  // ── 事業復活支援金 (workflow kind `benefit`): 給付金, 給付決定, 不備, 振込 — never 補助金 or 交付
  'benefit.received': benefit(
    '申請を受け付けました',
    '{{programName}}の申請を受け付けました。受付番号は今後のお問い合わせの際に必要ですので、控えておいてください。\n給付額（見込み）: {{quotedAmount}}\n\n審査の結果（給付決定）は、改めてお知らせします。',
  ),
  deficient: benefit(
    '申請内容に不備があります',
    '申請内容に不備がありました。以下の事項を修正のうえ、補正期限までに再提出してください。\n\n不備の内容:\n{{reason}}\n\n補正期限: {{correctionDueAt}}\n期限までに再提出がない場合、給付金は給付されません（不給付）。',
  ),
  'benefit.resubmissionReceived': benefit(
    '再提出を受け付けました',
    '不備を修正した申請（再提出）を受け付けました。内容を確認のうえ、引き続き審査を行います。\n給付額（見込み）: {{quotedAmount}}',
  ),
  benefitDecided: benefit(
    '給付決定のお知らせ',
    '審査の結果、給付金の給付を決定しました。\n給付額: {{quotedAmount}}\n\nご登録の口座へ振り込みます。振込が完了したら改めてお知らせします。',
  ),
  'benefit.notGranted': benefit('審査結果のお知らせ（不給付）', '審査の結果、給付金を給付しないこととなりました。\n\n理由:\n{{reason}}'),
  transferred: benefit('振込完了のお知らせ', '給付金の振込が完了しました。ご登録の口座への入金をご確認ください。\n給付額: {{quotedAmount}}'),
  'benefit.withdrawn': benefit(
    '申請の取下げを受け付けました',
    '申請の取下げを受け付けました。この申請についての手続きはこれで終了です。\n\n取下げの理由:\n{{reason}}',
  ),
  'benefit.correctionReminder': benefit(
    '補正期限のお知らせ',
    '不備のあった申請の補正期限が近づいています。以下の事項を修正のうえ、補正期限までに再提出してください。\n期限までに再提出がない場合、給付金は給付されません（不給付）。\n\n不備の内容:\n{{reason}}\n\n補正期限: {{correctionDueAt}}',
  ),

  // ── IT導入補助金 (workflow kind `itSubsidy`): the application is the 交付申請; there is no 採択
  'itSubsidy.received': subsidy(
    '交付申請を受け付けました',
    '{{programName}}の交付申請を受け付けました。受付番号は今後のお問い合わせの際に必要ですので、控えておいてください。\n補助金額（申請額）: {{quotedAmount}}\n\n内容を確認のうえ、交付決定の結果をお知らせします。交付決定の前に契約・発注・支払をしたITツール等は補助の対象になりません。',
  ),
  'itSubsidy.returned': subsidy(
    '交付申請の修正をお願いします（差戻し）',
    '交付申請の内容に修正が必要な点がありました。以下の事項を修正のうえ、補正期限までに再提出してください。\n\n修正を求める事項:\n{{reason}}\n\n補正期限: {{correctionDueAt}}\n期限までに再提出がない場合、補助金は交付されません（不交付）。',
  ),
  'itSubsidy.resubmissionReceived': subsidy(
    '再提出を受け付けました',
    '修正後の交付申請（再提出）を受け付けました。内容を確認のうえ、交付決定の結果をお知らせします。\n補助金額（申請額）: {{quotedAmount}}',
  ),
  'itSubsidy.grantDecided': subsidy(
    '交付決定のお知らせ',
    '補助金の交付を決定しました。\n補助金額: {{quotedAmount}}\n\n交付決定の日以降に、IT導入支援事業者とITツール等の契約・導入・支払を行ってください。事業が完了したら、事業実績報告を提出してください。',
  ),
  'itSubsidy.notGranted': subsidy(
    '交付申請の結果のお知らせ（不交付）',
    '交付申請の内容を確認した結果、補助金を交付しないこととなりました。\n\n理由:\n{{reason}}',
  ),
  'itSubsidy.performanceReportReceived': subsidy(
    '事業実績報告を受け付けました',
    '事業実績報告を受け付けました。内容を確認のうえ、補助金の額を確定してお知らせします。',
  ),
  'itSubsidy.performanceReportReturned': subsidy(
    '事業実績報告の修正をお願いします',
    '事業実績報告に修正が必要な点がありました。以下の事項を修正のうえ、事業実績報告を再提出してください。\n\n修正を求める事項:\n{{reason}}',
  ),
  // the 確定額 the IT導入 rule computed on the accepted 実績 (docs/post-award.md), which a payment batch then pays
  'itSubsidy.amountFixed': subsidy(
    '補助金の額の確定のお知らせ',
    '事業実績報告の内容を確認し、補助金の額を次のとおり確定しました。\n確定額: {{quotedAmount}}\n\n確定した額を交付します。お支払いについては、別途お知らせします。',
  ),
  'itSubsidy.paid': subsidy(
    '補助金の交付（お支払い）について',
    '補助金を次のとおりお振り込みしました。入金をご確認ください。\n支払額: {{quotedAmount}}\n振込日: {{paidOn}}\n\n今後、効果報告の提出をお願いします。',
  ),
  'itSubsidy.correctionReminder': subsidy(
    '補正期限のお知らせ',
    '差戻しした交付申請の補正期限が近づいています。以下の事項を修正のうえ、補正期限までに再提出してください。\n期限までに再提出がない場合、補助金は交付されません（不交付）。\n\n修正を求める事項:\n{{reason}}\n\n補正期限: {{correctionDueAt}}',
  ),

  // ── to staff: a reviewer before the review's due date (the scheduler) and after it (a manager's 催促), the managers every morning
  reviewReminder: {
    subject: '【補助金事務局】審査期限が近づいています（受付番号 {{receiptNumber}}）',
    bodyText:
      '{{recipientName}} 様\n\n担当している申請の審査期限が近づいています。期限までに審査結果を提出してください。\n\n審査期限: {{reviewDueAt}}\n受付番号: {{receiptNumber}}\n事業者名: {{applicantName}}\n事業: {{programName}}\n公募回: {{roundName}}\n類型: {{categoryName}}' +
      STAFF_SIGNATURE,
  },
  // 催促 (the dashboard, POST /api/pipeline/…/remind): only for reviews already past their 審査期限
  reviewOverdue: {
    subject: '【補助金事務局】審査期限を過ぎています（受付番号 {{receiptNumber}}）',
    bodyText:
      '{{recipientName}} 様\n\n担当している申請の審査期限を過ぎていますが、審査結果がまだ提出されていません。至急、審査結果を提出してください。すぐに提出できない事情がある場合は、事務局までご連絡ください。\n\n審査期限: {{reviewDueAt}}\n受付番号: {{receiptNumber}}\n事業者名: {{applicantName}}\n事業: {{programName}}\n公募回: {{roundName}}\n類型: {{categoryName}}' +
      STAFF_SIGNATURE,
  },
  managerDigest: {
    subject: '【補助金事務局】日次サマリー {{digestDate}}',
    bodyText: '{{recipientName}} 様\n\n{{digestDate}} 朝の時点の状況をお知らせします。\n\n{{digestSummary}}' + STAFF_SIGNATURE,
  },
};

export interface TemplateInfo {
  /** Japanese name (the admin's テンプレート list) */
  readonly label: string;
  /** who it is written to: the variables it may use */
  readonly audience: TemplateAudience;
  /** the workflow kind this text is for (a variant); absent: every kind without a variant of its own */
  readonly workflowKind?: WorkflowKind;
  /**
   * What {{reason}} says when the transition carried no reason (a 不採択 decided from the ranking): the
   * standard sentence of that outcome, so the mail never shows an empty reason.
   */
  readonly standardReason?: string;
}

const REJECTED_REASON = '外部審査員による書面審査で、審査項目ごとの評価を総合した結果、今回の公募回の採択の水準に達しませんでした。';
const INELIGIBLE_REASON = '要件確認の結果、公募要領に定める申請要件を満たしていることが確認できませんでした。';
const NOT_GRANTED_REASON = '交付申請の内容が、交付の要件を満たしていることが確認できませんでした。';
const NOT_GRANTED_BENEFIT_REASON = '申請内容が、給付の要件を満たしていることが確認できませんでした。';
const RECONSIDERED_REASON = '申請された類型の審査では採択に至りませんでしたが、同じ公募回の別の類型で審査の対象となることが認められました。';
const NO_WITHDRAWAL_REASON = '（記載はありません）';
const CORRECTION_REASON = '修正を求める事項は、事務局から別途ご連絡します。';
const PLAN_CHANGE_REFUSED_REASON = '変更後の計画が、交付決定の内容と補助の要件に照らして認められませんでした。詳しくは事務局から別途ご連絡します。';
const ABANDONMENT_REFUSED_REASON = '事業廃止の理由が確認できませんでした。詳しくは事務局から別途ご連絡します。';
/** The 額の確定 states the amounts it compares; this stands for them where a mail is sent without (a manual send). */
const ADVANCE_EXCESS_REASON = '確定した補助金の額が、概算払でお支払いした額を下回ったためです（補助金等に係る予算の執行の適正化に関する法律 第18条第2項）。';
const ADVANCE_PAYMENT_REFUSED_REASON = '概算払を必要とする理由や、支払済みの経費が確認できませんでした。詳しくは事務局から別途ご連絡します。';
const GRANT_REVOKED_REASON = '補助事業が交付決定の内容や交付規程に従って実施されていないことが確認されました。詳しくは事務局から別途ご連絡します。';

/** Japanese name, audience and workflow kind of every template (the admin's テンプレート list, the variables it may use). */
export const TEMPLATE_INFO: Readonly<Record<string, TemplateInfo>> = {
  received: { label: '受付', audience: 'applicant' },
  returned: { label: '差戻し', audience: 'applicant', standardReason: CORRECTION_REASON },
  resubmissionReceived: { label: '再提出受付', audience: 'applicant' },
  ineligible: { label: '要件不適合', audience: 'applicant', standardReason: INELIGIBLE_REASON },
  adopted: { label: '採択', audience: 'applicant' },
  rejected: { label: '不採択', audience: 'applicant', standardReason: REJECTED_REASON },
  reconsidered: { label: '別の類型での再審査', audience: 'applicant', standardReason: RECONSIDERED_REASON },
  waitlisted: { label: '補欠', audience: 'applicant' },
  withdrawn: { label: '取下げ', audience: 'applicant', standardReason: NO_WITHDRAWAL_REASON },
  grantApplicationReceived: { label: '交付申請受付', audience: 'applicant' },
  grantDecided: { label: '交付決定', audience: 'applicant' },
  notGranted: { label: '不交付', audience: 'applicant', standardReason: NOT_GRANTED_REASON },
  performanceReportReceived: { label: '実績報告受付', audience: 'applicant' },
  performanceReportReturned: { label: '実績報告の差戻し', audience: 'applicant', standardReason: CORRECTION_REASON },
  amountFixed: { label: '額の確定', audience: 'applicant' },
  fixedAmountNotice: { label: '額の確定（確定額を記載）', audience: 'applicant' },
  paid: { label: '支払', audience: 'applicant' },
  paidByBatch: { label: '支払（支払バッチ、支払額と振込日を記載）', audience: 'applicant' },
  settledByAdvancePayment: { label: '概算払による精算', audience: 'applicant' },
  advanceExcessClaimed: { label: '概算払の超過額の返還請求', audience: 'applicant', standardReason: ADVANCE_EXCESS_REASON },
  advanceExcessRepaid: { label: '概算払の超過額の返還の確認', audience: 'applicant' },
  advancePaymentRequestReceived: { label: '概算払請求の受付', audience: 'applicant' },
  advancePaid: { label: '概算払の支払', audience: 'applicant' },
  advancePaymentRefused: { label: '概算払の不承認', audience: 'applicant', standardReason: ADVANCE_PAYMENT_REFUSED_REASON },
  planChangeRequestReceived: { label: '計画変更承認申請の受付', audience: 'applicant' },
  planChangeApproved: { label: '計画変更の承認', audience: 'applicant' },
  planChangeRefused: { label: '計画変更の不承認', audience: 'applicant', standardReason: PLAN_CHANGE_REFUSED_REASON },
  abandonmentRequestReceived: { label: '事業廃止承認申請の受付', audience: 'applicant', standardReason: NO_WITHDRAWAL_REASON },
  abandonmentApproved: { label: '事業廃止の承認', audience: 'applicant' },
  abandonmentRefused: { label: '事業廃止の不承認', audience: 'applicant', standardReason: ABANDONMENT_REFUSED_REASON },
  commercializationReportReceived: { label: '事業化状況報告の受付', audience: 'applicant' },
  grantRevoked: { label: '交付決定の取消し', audience: 'applicant', standardReason: GRANT_REVOKED_REASON },
  repaymentConfirmed: { label: '返還の確認', audience: 'applicant' },
  correctionReminder: { label: '補正期限のお知らせ', audience: 'applicant', standardReason: CORRECTION_REASON },
  commercializationReportReminder: { label: '事業化状況報告の期限のお知らせ', audience: 'applicant' },
  'benefit.received': { label: '受付（給付金）', audience: 'applicant', workflowKind: 'benefit' },
  deficient: { label: '不備（給付金）', audience: 'applicant', workflowKind: 'benefit', standardReason: CORRECTION_REASON },
  'benefit.resubmissionReceived': { label: '再提出受付（給付金）', audience: 'applicant', workflowKind: 'benefit' },
  benefitDecided: { label: '給付決定（給付金）', audience: 'applicant', workflowKind: 'benefit' },
  'benefit.notGranted': { label: '不給付（給付金）', audience: 'applicant', workflowKind: 'benefit', standardReason: NOT_GRANTED_BENEFIT_REASON },
  transferred: { label: '振込完了（給付金）', audience: 'applicant', workflowKind: 'benefit' },
  'benefit.withdrawn': { label: '取下げ（給付金）', audience: 'applicant', workflowKind: 'benefit', standardReason: NO_WITHDRAWAL_REASON },
  'benefit.correctionReminder': { label: '補正期限のお知らせ（給付金）', audience: 'applicant', workflowKind: 'benefit', standardReason: CORRECTION_REASON },
  'itSubsidy.received': { label: '交付申請受付（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy' },
  'itSubsidy.returned': { label: '差戻し（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy', standardReason: CORRECTION_REASON },
  'itSubsidy.resubmissionReceived': { label: '再提出受付（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy' },
  'itSubsidy.grantDecided': { label: '交付決定（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy' },
  'itSubsidy.notGranted': { label: '不交付（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy', standardReason: NOT_GRANTED_REASON },
  'itSubsidy.performanceReportReceived': { label: '事業実績報告受付（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy' },
  'itSubsidy.performanceReportReturned': {
    label: '事業実績報告の差戻し（IT導入）',
    audience: 'applicant',
    workflowKind: 'itSubsidy',
    standardReason: CORRECTION_REASON,
  },
  'itSubsidy.amountFixed': { label: '額の確定（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy' },
  'itSubsidy.paid': { label: '支払（IT導入）', audience: 'applicant', workflowKind: 'itSubsidy' },
  'itSubsidy.correctionReminder': {
    label: '補正期限のお知らせ（IT導入）',
    audience: 'applicant',
    workflowKind: 'itSubsidy',
    standardReason: CORRECTION_REASON,
  },
  reviewReminder: { label: '審査期限のリマインダー（審査員宛）', audience: 'reviewer' },
  reviewOverdue: { label: '審査期限超過の催促（審査員宛）', audience: 'reviewer' },
  managerDigest: { label: '日次サマリー（事務局マネージャー宛）', audience: 'manager' },
};

const has = (code: string) => Object.prototype.hasOwnProperty.call(DEFAULT_TEMPLATES, code);

/**
 * The catalogue code a notification is rendered from: the variant of `name` for the application's
 * workflow kind (`benefit.received`) when the catalogue has one, else `name` itself (the subsidies'
 * text, which is also every kind's fallback). A template name the workflow uses only for one kind
 * (`deficient`, `benefitDecided`) is written in that kind's wording under its plain name.
 */
export function templateCodeFor(name: string, workflowKind: WorkflowKind | null | undefined): string {
  if (workflowKind && name.indexOf('.') < 0) {
    const variant = `${workflowKind}.${name}`;
    if (has(variant)) return variant;
  }
  return name;
}

/** The variants a template name has (the admin shows them beside it), by workflow kind. */
export function templateVariants(name: string): { workflowKind: WorkflowKind; code: string }[] {
  return Object.entries(TEMPLATE_INFO)
    .filter(([code, info]) => info.workflowKind && code === `${info.workflowKind}.${name}`)
    .map(([code, info]) => ({ workflowKind: info.workflowKind!, code }));
}

/** The text {{reason}} shows: the transition's reason when it has one, else the template's standard sentence. */
export function reasonForTemplate(code: string, reason: string | null | undefined): string | null {
  const given = reason?.trim();
  if (given) return given;
  return Object.prototype.hasOwnProperty.call(TEMPLATE_INFO, code) ? (TEMPLATE_INFO[code].standardReason ?? null) : null;
}

/**
 * Renders the text of catalogue template `code` (saved or built-in) as it is sent: {{reason}} falls back
 * to the template's standard sentence (reasonForTemplate), so a 不採択 without a written reason still says why.
 */
export function renderNotificationText(code: string, template: TemplateText, vars: NotificationVariables): RenderedMessage {
  return renderTemplate(template, { ...vars, reason: reasonForTemplate(code, vars.reason) });
}
