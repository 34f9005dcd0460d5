import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const ATTACHMENT_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  ATTACHMENT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された添付書類はありません。'],
  ATTACHMENT_FILE_MISSING: [HttpStatus.NOT_FOUND, '添付書類のファイルが保管場所に見つかりません。システム管理者に連絡してください。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

/** Refusals of the staff's attachment routes (a reviewer's 404 does not tell whether the attachment exists). */
export class AttachmentError extends errorFamily(ATTACHMENT_ERRORS) {}
