import { ATTACHMENT_KINDS, EXPENSE_EVIDENCE_KINDS, formatJstDate, hasVisibleText, isAttachmentKind, jstDate, reportableFiscalYears } from '@jimukyoku/domain';
import { findTransition, getWorkflow, refusalWhileDecisionHeld, stateRefusal, type ApplicationSnapshot } from '@jimukyoku/workflow';
import type { Application } from '../applications/application.entity';
import type { PostAwardFilingDto } from './dto/post-award.dto';
import { REVOKE_GRANT, STEP_LABELS, STEP_TRANSITIONS, type PostAwardStep } from './post-award-steps';
import { PostAwardError } from './post-award.errors';

/** Where a filing came from: the portal's channel with its uploaded attachments, or staff recording paper. */
export interface FilingSource {
  channelId?: string;
  attachmentIds?: string[];
  recordedBy?: string;
  documentsOnPaper?: string[];
  note?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

/** 422 `INVALID_FILING`: a filing refused for `errors`, each named by its field and said in the message too. */
export const invalid = (errors: FieldError[]) =>
  new PostAwardError('INVALID_FILING', { errors }, `届出の内容に誤りがあります: ${errors.map((e) => e.message).join(' / ')}`);

/** The steps whose attachments are the evidence of expenses (契約書・請求書・領収書): a 実績報告 and a 概算払請求. */
const EVIDENCE_STEPS: readonly PostAwardStep[] = ['performanceReport', 'advancePayment'];

/**
 * The attachments of a 実績報告 or 概算払請求 uploaded as something other than evidence of expenses (a 事業計画書, a
 * 決算書 …), each named with its kind: the evidence is uploaded as one of EXPENSE_EVIDENCE_KINDS (docs/post-award.md
 * "The applicant's steps"), so that the 確定検査 finds it where it looks. Other steps take any kind.
 */
export function notExpenseEvidence(step: PostAwardStep, attachments: readonly { kind: string; fileName: string }[]): FieldError[] {
  if (!EVIDENCE_STEPS.includes(step)) return [];
  const allowed = EXPENSE_EVIDENCE_KINDS.map((k) => ATTACHMENT_KINDS[k]).join('、');
  return attachments
    .filter((a) => !EXPENSE_EVIDENCE_KINDS.includes(a.kind as never))
    .map((a) => ({
      field: 'attachmentIds',
      message: `添付書類「${a.fileName}」は${isAttachmentKind(a.kind) ? `「${ATTACHMENT_KINDS[a.kind]}」` : '別の種類'}として登録されています。${STEP_LABELS[step]}の証拠書類は、種類を${allowed}のいずれかにして登録し直してください`,
    }));
}

/** The fields a filing of `step` needs and lacks (docs/post-award.md "The applicant's steps"), each named. */
export function missingFilingFields(step: PostAwardStep, dto: PostAwardFilingDto, source: FilingSource): FieldError[] {
  const errors: FieldError[] = [];
  if ((step === 'grantApplication' || step === 'performanceReport') && !dto.expenses?.length)
    errors.push({ field: 'expenses', message: `expenses (経費の明細) を1件以上入力してください（${STEP_LABELS[step]}）` });
  if (step === 'advancePayment' && !dto.expenses?.length)
    errors.push({ field: 'expenses', message: 'expenses (概算払の対象: 支払済みの経費の明細) を1件以上入力してください' });
  if (EVIDENCE_STEPS.includes(step) && !source.attachmentIds?.length && !source.documentsOnPaper?.length)
    errors.push({ field: 'attachmentIds', message: 'attachmentIds (経費の証拠書類: 契約書・請求書・領収書など) を1件以上指定してください' });
  if ((step === 'abandonment' || step === 'withdrawal') && !hasVisibleText(dto.reason))
    errors.push({ field: 'reason', message: `reason (${STEP_LABELS[step]}の理由) を入力してください` });
  if (step === 'planChange' && !hasVisibleText(dto.description))
    errors.push({ field: 'description', message: 'description (計画変更の内容) を入力してください' });
  if (step === 'commercializationReport' && dto.fiscalYear === undefined)
    errors.push({ field: 'fiscalYear', message: 'fiscalYear (事業化状況報告の対象年度) を入力してください' });
  return errors;
}

/**
 * Why a 交付決定取消 cannot be made on the application's procedure, or null when it can: subsidy@1 and IT導入 have no
 * 取消 and 返還 in the product, so staff are told to handle it outside it, not shown the transition's name.
 */
export function revocationOutsideProcedure(app: Pick<Application, 'workflowCode' | 'workflowVersion'>): string | null {
  const definition = getWorkflow(app.workflowCode, app.workflowVersion);
  if (findTransition(definition, REVOKE_GRANT)) return null;
  return `この申請の手続（${definition.label}、第${definition.version}版）には交付決定取消と返還の手続がないため、システムでは取り消せません。事務局の定める手順で対応してください。`;
}

/**
 * The lines of a 計画変更 that the 類型 excludes (a 公道を走る車両 …: the quote's `excludedLines`), each named: such a
 * line is no 経費区分 anyone may claim (docs/post-award.md "The grant's scope"), and once approved the change would
 * read as the secretariat agreeing to what is never paid.
 */
export function excludedFromPlanChange(excludedLines: readonly { index: number; reason: string }[]): FieldError[] {
  return excludedLines.map(({ index, reason }) => ({
    field: `expenses[${index}]`,
    message: `expenses[${index}] は補助対象外の経費です（${reason}）。計画変更には含められません`,
  }));
}

/**
 * Why the application's state refuses `step` before anything the filing carries is checked, or null. First a decision
 * not yet announced (`heldDecision`): its refusal comes before the checks whose refusals could tell the decision. Then
 * a state the step does not leave from (409, as the transition would answer): an applicant told to mend the amounts of
 * a filing that no amount would let through mends them for nothing. The transition checks the state again.
 */
export function refusalBeforeContent(
  app: Pick<Application, 'workflowCode' | 'workflowVersion' | 'status'>,
  step: PostAwardStep,
  heldDecision: ApplicationSnapshot['heldDecision'],
) {
  const definition = getWorkflow(app.workflowCode, app.workflowVersion);
  return (
    refusalWhileDecisionHeld({ heldDecision }, findTransition(definition, STEP_TRANSITIONS[step]) ?? {}) ??
    stateRefusal(definition, app.status, STEP_TRANSITIONS[step])
  );
}

/**
 * Why the application's procedure (the workflow version it runs on) has no `step` at all, or null when it has: an
 * application on subsidy@1 files no 計画変更 or 概算払 (v2 added them), whatever its state. Said in the applicant's
 * words, not as the transition's name.
 */
export function stepOutsideProcedure(app: Pick<Application, 'workflowCode' | 'workflowVersion'>, step: PostAwardStep): string | null {
  const definition = getWorkflow(app.workflowCode, app.workflowVersion);
  if (findTransition(definition, STEP_TRANSITIONS[step])) return null;
  return `この申請の手続（${definition.label}、第${definition.version}版）には${STEP_LABELS[step]}の届出がありません。届け出る必要がある場合は、事務局にお問い合わせください。`;
}

/**
 * Why a 事業化状況報告 of `fiscalYear` cannot be filed on `today` (a JST date), or null: it is outside the 年度 a
 * report may name (libs/domain reportableFiscalYears: from that of the 額の確定, `amountFixedAt`, to the current), or
 * the application's report of that year was filed already (`filedAt`).
 */
export function fiscalYearRefusal(fiscalYear: number, today: string, amountFixedAt: Date | null, filedAt: Date | null): PostAwardError | null {
  const { first, last } = reportableFiscalYears(amountFixedAt && jstDate(amountFixedAt), today);
  const allowed = `事業化状況報告の対象年度として指定できるのは${first === null ? `${last}年度まで` : first === last ? `${last}年度` : `${first}年度から${last}年度まで`}です。`;
  const range = { field: 'fiscalYear', firstFiscalYear: first, currentFiscalYear: last };
  if (fiscalYear > last)
    return new PostAwardError('FISCAL_YEAR_NOT_BEGUN', range, `fiscalYear (対象年度) ${fiscalYear}年度はまだ始まっていません（現在は${last}年度）。${allowed}`);
  if (first !== null && amountFixedAt && fiscalYear < first)
    return new PostAwardError(
      'FISCAL_YEAR_BEFORE_PROJECT_END',
      range,
      `fiscalYear (対象年度) ${fiscalYear}年度は、補助事業が終了した${first}年度（額の確定: ${formatJstDate(amountFixedAt)}）より前の年度です。${allowed}`,
    );
  if (filedAt) return alreadyReported(fiscalYear, filedAt);
  return null;
}

/** 409: the application's 事業化状況報告 of `fiscalYear` was filed (on `filedAt`, when it is known). */
export function alreadyReported(fiscalYear: number, filedAt: Date | null): PostAwardError {
  return new PostAwardError(
    'FISCAL_YEAR_ALREADY_REPORTED',
    { field: 'fiscalYear' },
    `${fiscalYear}年度の事業化状況報告は${filedAt ? `${formatJstDate(filedAt)}に` : ''}提出済みです。別の年度の報告は、その年度を対象年度に指定して提出してください。`,
  );
}
