import type { CategoryConfig, RequirementCode } from '../category';
import type { Yen } from '../money';

/** 添付書類 kinds an application can carry. */
export const ATTACHMENT_KINDS = {
  businessPlan: '事業計画書',
  advisorConfirmation: '認定経営革新等支援機関による確認書',
  financialInstitutionConfirmation: '金融機関による確認書',
  financialStatements: '決算書',
  salesEvidence: '売上高が減少したことを示す書類',
  // the evidence of expenses a 実績報告 or 概算払 carries (docs/post-award.md "The applicant's steps: through the portal, or on paper")
  contract: '契約書・発注書',
  invoice: '請求書',
  paymentProof: '領収書・振込の控え',
  other: 'その他',
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** The kinds a 実績報告's or 概算払's evidence of expenses is uploaded as (docs/post-award.md "The applicant's steps"). */
export const EXPENSE_EVIDENCE_KINDS: readonly AttachmentKind[] = ['contract', 'invoice', 'paymentProof', 'other'];
export const isAttachmentKind = (v: unknown): v is AttachmentKind => typeof v === 'string' && Object.prototype.hasOwnProperty.call(ATTACHMENT_KINDS, v);

const FINANCIAL_INSTITUTION_THRESHOLD: Yen = 30_000_000;

const mentions = (config: CategoryConfig, code: RequirementCode) =>
  config.requirements.some((r) => (typeof r === 'string' ? r === code : r.anyOf.includes(code)));

/**
 * The attachments an application must carry to be accepted, from its category's requirements and the
 * quoted amount: a business plan for every subsidy; the advisor's confirmation where the plan is made
 * with a 認定支援機関; the bank's above 3,000万円; evidence of the sales decline where a decline is required.
 */
export function requiredAttachmentKinds(config: CategoryConfig, quotedAmount: Yen): AttachmentKind[] {
  if (config.kind === 'benefit') return ['salesEvidence'];
  if (config.kind !== 'subsidy') return [];
  const kinds: AttachmentKind[] = ['businessPlan'];
  if (mentions(config, 'certifiedAdvisorPlan')) kinds.push('advisorConfirmation');
  if (mentions(config, 'financialInstitutionAbove30M') && quotedAmount > FINANCIAL_INSTITUTION_THRESHOLD) kinds.push('financialInstitutionConfirmation');
  if ((['salesDecline10pct', 'salesDecline5pctSince202010', 'recoverySalesDecline30pct'] as const).some((c) => mentions(config, c)))
    kinds.push('salesEvidence');
  return kinds;
}
