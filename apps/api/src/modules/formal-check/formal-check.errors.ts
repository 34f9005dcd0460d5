import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const FORMAL_CHECK_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  FORMAL_CHECK_NOT_OPEN: [HttpStatus.CONFLICT, 'この申請は要件確認の段階にありません。'],
  FORMAL_CHECK_INCOMPLETE: [HttpStatus.UNPROCESSABLE_ENTITY, '要件確認の項目がすべて確認されていません。'],
  FORMAL_CHECK_OUTCOME_MISMATCH: [HttpStatus.UNPROCESSABLE_ENTITY, '確認結果と選んだ処理が合っていません。'],
  FORMAL_CHECK_OUTCOME_NOT_OFFERED: [HttpStatus.UNPROCESSABLE_ENTITY, 'この手続の要件確認では選べない結果です。'],
  CORRECTION_UNEXPLAINED: [HttpStatus.UNPROCESSABLE_ENTITY, '差戻しでは、不適とした項目ごとに、申請者が何を直せばよいかをコメントに書いてください。'],
  OVERRIDE_REASON_REQUIRED: [HttpStatus.UNPROCESSABLE_ENTITY, 'システムの判定が不適の項目を適とするには、理由の入力が必要です。'],
  INVALID_FORMAL_CHECK: [HttpStatus.BAD_REQUEST, '要件確認の入力に誤りがあります。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class FormalCheckError extends errorFamily(FORMAL_CHECK_ERRORS) {}
