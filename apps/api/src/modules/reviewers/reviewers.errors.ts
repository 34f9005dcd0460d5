import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const REVIEWER_ERRORS = {
  REVIEWER_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された審査員はいません (有効な審査員アカウントではありません)。'],
  CONFLICT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された利益相反の申告はありません。'],
  INVALID_CONFLICT: [HttpStatus.BAD_REQUEST, '利益相反の申告内容に誤りがあります。'],
  DECLARE_OWN_ONLY: [HttpStatus.FORBIDDEN, '審査員は自分の利益相反だけを申告できます。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class ReviewerError extends errorFamily(REVIEWER_ERRORS) {}
