/**
 * validateApplication: every problem of an application as submitted through intake, by field and in
 * Japanese — required fields, 法人番号, e-mail and prefecture, the quote's input problems (expense
 * types, amounts), eligibility against the category's requirements, the floor and admitted sizes,
 * the requested amount against what the rules allow, and the attachments the category requires.
 * Pure: the API answers 422 with the list, or accepts when it is empty.
 */
import type { ApplicantProfile } from '../applicant';
import type { CategoryConfig } from '../category';
import { validateCorporateNumber, type EligibilityContext } from '../eligibility';
import { applicationAmount, quoteWithEligibility, requestedAmountProblems, type ExpenseLine, type QuoteResult } from '../quote';
import { ATTACHMENT_KINDS, requiredAttachmentKinds, type AttachmentKind } from './attachments';
import { isPrefecture } from './prefectures';
import { isMailAddress } from '../notification/mail-address';

export interface ApplicationProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface ApplicationInput {
  readonly applicant: Partial<ApplicantProfile> & {
    readonly name?: string;
    readonly prefecture?: string;
    readonly email?: string;
  };
  readonly planTitle?: string;
  readonly expenses: readonly ExpenseLine[];
  /** 申請額 the applicant asks for; must not exceed what the rules give */
  readonly requestedAmount?: number;
  readonly context?: EligibilityContext;
  /** kinds of the attachments handed in with the application */
  readonly attachmentKinds: readonly string[];
}

export interface ApplicationValidation {
  readonly problems: readonly ApplicationProblem[];
  readonly quote: QuoteResult | null;
}

export function validateApplication(config: CategoryConfig, input: ApplicationInput): ApplicationValidation {
  const problems: ApplicationProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  const a = input.applicant;

  if (!a.name?.trim()) add('applicant.name', 'required', 'applicant.name (事業者名) を入力してください');
  if (a.kind === 'corporation') {
    if (!a.corporateNumber) add('applicant.corporateNumber', 'required', 'applicant.corporateNumber (法人番号) を入力してください');
    else {
      const check = validateCorporateNumber(a.corporateNumber);
      if (!check.ok) add('applicant.corporateNumber', check.code, `applicant.corporateNumber: ${check.message}`);
    }
  }
  if (!isMailAddress(a.email)) add('applicant.email', 'invalidEmail', 'applicant.email (連絡先メールアドレス) をメールアドレスの形式で入力してください');
  if (!isPrefecture(a.prefecture))
    add(
      'applicant.prefecture',
      'invalidPrefecture',
      `applicant.prefecture (都道府県) は「東京都」のように47都道府県名で入力してください${a.prefecture ? ` (入力: ${a.prefecture})` : ''}`,
    );
  if (config.kind === 'subsidy' && !input.planTitle?.trim()) add('plan.title', 'required', 'plan.title (事業計画名) を入力してください');

  let result: QuoteResult | null = null;
  if (config.kind === 'subsidy') {
    if (input.expenses.length === 0) add('expenses', 'required', 'expenses (補助対象経費) を1件以上入力してください');
    // the same composition as the stored quote (quoteWithEligibility): validation and storage cannot differ
    const { quote: quoted, eligibility } = quoteWithEligibility(config, a as ApplicantProfile, input.expenses, input.context, input.requestedAmount);
    result = quoted;
    for (const p of result.problems) add(p.field, p.code, p.message);
    if (result.problems.length === 0) {
      for (const i of result.ineligibility) add(i.code === 'belowFloor' || i.code === 'zeroAmount' ? 'expenses' : 'applicant', i.code, i.message);
      for (const p of requestedAmountProblems(result, input.requestedAmount)) add('requestedAmount', p.code, p.message);
      for (const f of eligibility.failures) add(eligibilityField(f.field), f.code, f.message);
    }
  }

  const handedIn = new Set(input.attachmentKinds);
  // the documents follow the amount applied for (the 金融機関確認書 above 3,000万), as the eligibility does
  for (const kind of requiredAttachmentKinds(config, applicationAmount(result?.amount ?? 0, input.requestedAmount))) {
    if (!handedIn.has(kind)) add('attachments', 'missingAttachment', `添付書類「${ATTACHMENT_KINDS[kind as AttachmentKind]}」(${kind}) がありません`);
  }
  return { problems, quote: result };
}

/** The payload field an eligibility failure names: the plan's advisor and bank are top-level, the rest the applicant's. */
const eligibilityField = (field: string | undefined): string => {
  if (!field) return 'eligibility';
  return field.startsWith('certifiedAdvisor') || field.startsWith('financialInstitution') ? field : `applicant.${field}`;
};
