import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

/** The post-award steps' refusals (docs/post-award.md): 422 with what to correct, like intake's. */
export const POST_AWARD_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  INVALID_FILING: [HttpStatus.UNPROCESSABLE_ENTITY, '届出の内容に誤りがあります。'],
  NOT_A_SUBSIDY: [HttpStatus.UNPROCESSABLE_ENTITY, 'この申請の事業には、交付決定額・確定額の算定がありません。'],
  ABOVE_ADOPTED_AMOUNT: [HttpStatus.UNPROCESSABLE_ENTITY, '交付申請の補助金額が採択額を超えています。'],
  NO_GRANT_APPLICATION: [HttpStatus.UNPROCESSABLE_ENTITY, '交付申請の経費がないため、交付決定額を算定できません。'],
  NO_PERFORMANCE_REPORT: [HttpStatus.UNPROCESSABLE_ENTITY, '実績報告の経費がないため、確定額を算定できません。'],
  NOT_IN_INSPECTION: [HttpStatus.CONFLICT, 'この申請は確定検査中ではありません。'],
  NOT_INSPECTED: [HttpStatus.UNPROCESSABLE_ENTITY, '確定検査の結果（認める経費）が記録されていません。先に確定検査を記録してください。'],
  ABOVE_REPORTED_AMOUNT: [HttpStatus.UNPROCESSABLE_ENTITY, '認める額が実績報告の額を超えています。'],
  REDUCTION_REASON_REQUIRED: [HttpStatus.UNPROCESSABLE_ENTITY, '報告額より少なく認める経費には、減額の理由を記載してください。'],
  FILE_ON_PAPER_ONLY: [HttpStatus.CONFLICT, 'この申請は電子申請で受け付けたものです。届出は申請者が電子申請システムから提出します。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class PostAwardError extends errorFamily(POST_AWARD_ERRORS) {}
