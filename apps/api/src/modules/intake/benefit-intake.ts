import { computeBenefit, type ApplicationProblem, type BenefitInput, type CategoryConfig } from '@jimukyoku/domain';
import type { PreCheckRecord } from '../applications/application.entity';
import type { IntakeApplicationDto } from './dto/intake-application.dto';

/**
 * 事業復活支援金 at intake: what validateApplication (libs/domain) leaves to the benefit's own input.
 *
 * - the sales (`benefit`) are required and must give an eligible benefit (computeBenefit: 対象月 down
 *   ≥30% against the 基準月, …), and `benefit.applicantKind` and `benefit.annualRevenue` (which sets the 給付上限)
 *   must be the applicant's (`applicant.kind`, `applicant.annualRevenue` where declared);
 * - the 事前確認 is required, in exactly one of two forms: `preCheck` { confirmationNumber, agencyName }
 *   (事前確認通知番号 from a 登録確認機関) or `previousRecipient: true` (一時支援金/月次支援金 recipients
 *   skip the 事前確認);
 * - on a resubmission the 事前確認 stays as recorded at intake: it may be left out of the corrected
 *   payload, or repeated unchanged; another one is refused (it was confirmed before the 申請);
 * - for any other programme `preCheck`, `previousRecipient: true` and `benefit` are refused rather than silently
 *   dropped or stored: a portal sending them has picked the wrong round (`previousRecipient: false` is harmless);
 *   likewise a benefit's `requestedAmount`, `expenses` and `plan`, which only a subsidy reads.
 */
export function benefitIntakeProblems(config: CategoryConfig, dto: IntakeApplicationDto, recorded?: PreCheckFacts): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (config.kind !== 'benefit') {
    if (dto.preCheck !== undefined) add('preCheck', 'notBenefit', 'preCheck (事前確認) は事業復活支援金の申請でのみ指定できます');
    if (dto.previousRecipient === true)
      add('previousRecipient', 'notBenefit', 'previousRecipient (一時支援金・月次支援金の受給者) は事業復活支援金の申請でのみ指定できます');
    if (dto.benefit !== undefined) add('benefit', 'notBenefit', 'benefit (事業復活支援金の売上高) は事業復活支援金の申請でのみ指定できます');
    return problems;
  }
  // a subsidy's parts, which a benefit has no use for: the 給付額 follows the sales alone
  if (dto.requestedAmount !== undefined)
    add('requestedAmount', 'notSubsidy', 'requestedAmount (申請額) は補助金の申請でのみ指定できます。事業復活支援金の給付額は benefit の売上高から算定します');
  if (dto.expenses?.length) add('expenses', 'notSubsidy', 'expenses (補助対象経費) は補助金の申請でのみ指定できます');
  if (dto.plan !== undefined) add('plan', 'notSubsidy', 'plan (事業計画) は補助金の申請でのみ指定できます');
  problems.push(...(recorded ? preCheckChangeProblems(config, dto, recorded) : preCheckProblems(dto)));
  if (!dto.benefit) {
    add('benefit', 'required', 'benefit (事業復活支援金の売上高: 対象月・基準期間とその売上高) を入力してください');
    return problems;
  }
  if (dto.benefit.applicantKind !== dto.applicant?.kind) {
    add('benefit.applicantKind', 'applicantKindMismatch', 'benefit.applicantKind は applicant.kind (法人・個人事業者の別) と同じにしてください');
  }
  // the 給付上限 follows the 年間売上高: the applicant's declared one and the benefit's must be the same figure
  const declared = dto.applicant?.annualRevenue;
  const benefitRevenue = (dto.benefit as { annualRevenue?: unknown }).annualRevenue;
  if (declared !== undefined && benefitRevenue !== undefined && benefitRevenue !== declared) {
    add(
      'benefit.annualRevenue',
      'annualRevenueMismatch',
      `benefit.annualRevenue (給付上限を決める年間売上高) は applicant.annualRevenue (${declared.toLocaleString('ja-JP')}円) と同じにしてください`,
    );
  }
  const result = computeBenefit(dto.benefit as BenefitInput);
  for (const f of result.failures) add(f.field ? `benefit.${f.field}` : 'benefit', f.code, f.message);
  return problems;
}

/** Exactly one of `preCheck` and `previousRecipient: true`. */
export function preCheckProblems(dto: Pick<IntakeApplicationDto, 'preCheck' | 'previousRecipient'>): ApplicationProblem[] {
  const hasPreCheck = dto.preCheck !== undefined && dto.preCheck !== null;
  if (hasPreCheck && dto.previousRecipient === true) {
    return [
      {
        field: 'preCheck',
        code: 'preCheckAndPreviousRecipient',
        message: 'preCheck (事前確認) と previousRecipient: true (受給実績による事前確認の省略) はどちらか一方だけを指定してください',
      },
    ];
  }
  if (!hasPreCheck && dto.previousRecipient !== true) {
    return [
      {
        field: 'preCheck',
        code: 'preCheckRequired',
        message:
          'preCheck (登録確認機関による事前確認: 事前確認通知番号 confirmationNumber と登録確認機関名 agencyName) を入力してください。一時支援金・月次支援金の受給者は代わりに previousRecipient: true を指定してください',
      },
    ];
  }
  if (hasPreCheck) {
    const blank: ApplicationProblem[] = [];
    if (!dto.preCheck!.confirmationNumber?.trim())
      blank.push({ field: 'preCheck.confirmationNumber', code: 'required', message: 'preCheck.confirmationNumber (事前確認通知番号) を入力してください' });
    if (!dto.preCheck!.agencyName?.trim())
      blank.push({ field: 'preCheck.agencyName', code: 'required', message: 'preCheck.agencyName (登録確認機関名) を入力してください' });
    return blank;
  }
  return [];
}

/** A resubmission repeats the recorded 事前確認 or leaves it out. */
function preCheckChangeProblems(config: CategoryConfig, dto: IntakeApplicationDto, recorded: PreCheckFacts): ApplicationProblem[] {
  if (dto.preCheck === undefined && dto.previousRecipient !== true) return [];
  const problems = preCheckProblems(dto);
  if (problems.length) return problems;
  const sent = preCheckFacts(config, dto);
  const same =
    sent.previousRecipient === recorded.previousRecipient &&
    sent.preCheck?.confirmationNumber === recorded.preCheck?.confirmationNumber &&
    sent.preCheck?.agencyName === recorded.preCheck?.agencyName;
  if (same) return [];
  const was = recorded.previousRecipient ? '受給実績による省略' : `事前確認通知番号 ${recorded.preCheck?.confirmationNumber ?? '不明'}`;
  return [
    {
      field: 'preCheck',
      code: 'preCheckChanged',
      message: `事前確認は申請後に変更できません (受付時: ${was})。再提出では省略するか、受付時と同じ内容を指定してください`,
    },
  ];
}

export interface PreCheckFacts {
  preCheck: PreCheckRecord | null;
  previousRecipient: boolean;
}

/** The 事前確認 as stored on the application (trimmed); for a subsidy, none. */
export function preCheckFacts(config: CategoryConfig, dto: IntakeApplicationDto): PreCheckFacts {
  if (config.kind !== 'benefit') return { preCheck: null, previousRecipient: false };
  const p = dto.preCheck;
  return p
    ? { preCheck: { confirmationNumber: p.confirmationNumber.trim(), agencyName: p.agencyName.trim() }, previousRecipient: false }
    : { preCheck: null, previousRecipient: dto.previousRecipient === true };
}
