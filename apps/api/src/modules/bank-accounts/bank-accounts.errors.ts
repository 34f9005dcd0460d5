import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const BANK_ACCOUNT_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  BANK_ACCOUNT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された口座はありません。'],
  BANK_ACCOUNT_EXISTS: [HttpStatus.CONFLICT, 'この申請には口座が登録済みです。変更は登録済みの口座を編集してください。'],
  INVALID_BANK_ACCOUNT: [HttpStatus.UNPROCESSABLE_ENTITY, '口座の内容に誤りがあります。各項目のメッセージを確認してください。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class BankAccountError extends errorFamily(BANK_ACCOUNT_ERRORS) {}
