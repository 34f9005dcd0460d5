import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const CORRESPONDENCE_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  MEMO_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定されたメモはありません。'],
  INQUIRY_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された問い合わせの記録はありません。'],
  INVALID_MEMO: [HttpStatus.BAD_REQUEST, 'メモの内容に誤りがあります。'],
  INVALID_INQUIRY: [HttpStatus.BAD_REQUEST, '問い合わせの記録に誤りがあります。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class CorrespondenceError extends errorFamily(CORRESPONDENCE_ERRORS) {}
