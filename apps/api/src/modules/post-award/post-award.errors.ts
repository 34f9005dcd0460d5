import { HttpStatus } from '@nestjs/common';
import { formatYen } from '@jimukyoku/domain';
import { getWorkflow } from '@jimukyoku/workflow';
import type { Application } from '../applications/application.entity';
import { keepsAmounts } from './post-award-steps';
import { errorFamily } from '../../common/error-family';

/** The post-award steps' refusals (docs/post-award.md): 422 with what to correct, like intake's. */
export const POST_AWARD_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  INVALID_FILING: [HttpStatus.UNPROCESSABLE_ENTITY, '届出の内容に誤りがあります。'],
  INVALID_INSPECTION: [HttpStatus.UNPROCESSABLE_ENTITY, '確定検査の内容に誤りがあります。'],
  STEP_NOT_IN_PROCEDURE: [HttpStatus.CONFLICT, 'この申請の手続には、この届出がありません。'],
  NOT_A_SUBSIDY: [HttpStatus.UNPROCESSABLE_ENTITY, 'この申請の事業には、交付決定額・確定額の算定がありません。'],
  ABOVE_ADOPTED_AMOUNT: [HttpStatus.UNPROCESSABLE_ENTITY, '交付申請の補助金額が採択額を超えています。'],
  NO_GRANT_APPLICATION: [HttpStatus.UNPROCESSABLE_ENTITY, '交付申請の経費がないため、交付決定額を算定できません。'],
  NO_GRANT_AMOUNTS: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    'この申請には交付決定額の記録がありません（旧版の手続 subsidy@1 で金額を記録せずに交付決定した申請）。確定検査と額の確定は金額なしで、遷移「額を確定する」で進めてください。',
  ],
  NO_PERFORMANCE_REPORT: [HttpStatus.UNPROCESSABLE_ENTITY, '実績報告の経費がないため、確定額を算定できません。'],
  FISCAL_YEAR_ALREADY_REPORTED: [HttpStatus.CONFLICT, 'この年度の事業化状況報告は提出済みです。'],
  FISCAL_YEAR_NOT_BEGUN: [HttpStatus.UNPROCESSABLE_ENTITY, 'まだ始まっていない年度の事業化状況報告は提出できません。'],
  FISCAL_YEAR_BEFORE_PROJECT_END: [HttpStatus.UNPROCESSABLE_ENTITY, '補助事業が終了した年度（額の確定の年度）より前の年度の事業化状況報告は提出できません。'],
  NOT_IN_INSPECTION: [HttpStatus.CONFLICT, 'この申請は確定検査中ではありません。'],
  NOT_INSPECTED: [HttpStatus.UNPROCESSABLE_ENTITY, '確定検査の結果（認める経費）が記録されていません。先に確定検査を記録してください。'],
  NOTHING_FIXED: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '確定検査で認めた経費から算定した確定額が0円のため、額を確定できません（支払う補助金がありません）。認める額を見直すか、補助金を交付しない場合は「交付決定取消」で手続を終えてください。',
  ],
  ABOVE_REPORTED_AMOUNT: [HttpStatus.UNPROCESSABLE_ENTITY, '認める額が実績報告の額を超えています。'],
  REDUCTION_REASON_REQUIRED: [HttpStatus.UNPROCESSABLE_ENTITY, '報告額より少なく認める経費には、減額の理由を記載してください。'],
  // 概算払 (docs/post-award.md "概算払")
  ADVANCE_PAYMENT_NOT_ALLOWED: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    'この公募回では概算払を請求できません（公募要領に概算払の定めがありません）。補助金は額の確定の後にお支払いします。',
  ],
  NO_ADVANCE_LEFT: [HttpStatus.UNPROCESSABLE_ENTITY, '交付決定額のすべてを概算払で支払済みのため、これ以上の概算払は請求できません。'],
  FILE_ON_PAPER_ONLY: [HttpStatus.CONFLICT, 'この申請は電子申請で受け付けたものです。届出は申請者が電子申請システムから提出します。'],
  // 交付決定取消 and 返還 (docs/post-award.md "交付決定取消 and 返還")
  GROUND_NOT_APPLICABLE: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '賃上げ等の目標未達による全額返還 (wageTargetMissed) は、ものづくり補助金の回復型賃上げ・雇用拡大枠の申請にだけ指定できます。',
  ],
  DUE_DATE_REQUIRED: [HttpStatus.UNPROCESSABLE_ENTITY, '返還額があるため、返還の納期限 (dueDate) を指定してください。'],
  INVALID_DATE: [HttpStatus.UNPROCESSABLE_ENTITY, '日付が正しくありません。YYYY-MM-DD 形式の実在する日付を指定してください。'],
  DUE_DATE_TOO_SOON: [HttpStatus.UNPROCESSABLE_ENTITY, '返還の納期限が近すぎます。'],
  DUE_DATE_NOT_BANKING_DAY: [HttpStatus.UNPROCESSABLE_ENTITY, '返還の納期限は金融機関の営業日にしてください。'],
  NO_REPAYMENT_CLAIM: [HttpStatus.CONFLICT, 'この申請には返還の請求がありません（交付決定の取消しがされていません）。'],
  ALREADY_REPAID: [HttpStatus.CONFLICT, 'この申請の返還は既に完了しています。'],
  OVERPAYMENT: [HttpStatus.UNPROCESSABLE_ENTITY, '入金額が未返還額を超えています。'],
  RECEIVED_IN_FUTURE: [HttpStatus.UNPROCESSABLE_ENTITY, '入金日に未来の日付は指定できません。'],
  RECEIVED_BEFORE_REVOCATION: [HttpStatus.UNPROCESSABLE_ENTITY, '入金日が交付決定取消の日より前です。'],
  INVALID_IDEMPOTENCY_KEY: [HttpStatus.BAD_REQUEST, 'Idempotency-Key が正しくありません。'],
  REPAYMENT_KEY_REUSED: [HttpStatus.UNPROCESSABLE_ENTITY, 'この Idempotency-Key では既に別の内容の入金が記録されています。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class PostAwardError extends errorFamily(POST_AWARD_ERRORS) {}

/**
 * No amounts kept: subsidy@1 decides its grants by the bare transition (its 額の確定 is the transition too: `step` names
 * the route asked, the 交付決定's or the 確定検査's and 額の確定's); a procedure that keeps them (IT導入 …) has none only
 * for a 交付決定 made before it did, whose 確定額 the rules cannot reach.
 */
export function noGrantAmounts(app: Application, step: 'decideGrant' | 'fixAmount' = 'fixAmount'): PostAwardError {
  const definition = getWorkflow(app.workflowCode, app.workflowVersion);
  if (!keepsAmounts(definition) && step === 'decideGrant')
    return new PostAwardError(
      'NO_GRANT_AMOUNTS',
      {},
      `この申請の手続（${definition.label}、第${definition.version}版）は交付決定額を算定・記録しません。交付決定は遷移「交付決定する」で行ってください。`,
    );
  if (!keepsAmounts(definition)) return new PostAwardError('NO_GRANT_AMOUNTS');
  return new PostAwardError(
    'NO_GRANT_AMOUNTS',
    {},
    `この申請には交付決定額の記録がありません（${definition.label}、第${definition.version}版の手続で、交付決定額を算定せずに交付決定された申請）。確定額を算定できないため、システム管理者に交付決定額の記録を依頼してください。`,
  );
}

/** The 交付申請's expenses quote above the 採択額 (docs/post-award.md "Amounts, each from the rules"). */
export function aboveAdopted(amount: number, adopted: number): PostAwardError {
  return new PostAwardError(
    'ABOVE_ADOPTED_AMOUNT',
    { field: 'expenses', requestedAmount: amount, adoptedAmount: adopted },
    `交付申請の経費から算定した補助金額 ${formatYen(amount)} が採択額 ${formatYen(adopted)} を超えています。補助金額が採択額以内になるよう、経費を見直してください。`,
  );
}
