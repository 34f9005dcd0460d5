import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const PAYMENT_BATCH_ERRORS = {
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  BATCH_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された支払バッチはありません。'],
  INVALID_TRANSFER_DATE: [HttpStatus.UNPROCESSABLE_ENTITY, '振込指定日に誤りがあります。'],
  TRANSFER_DATE_NOT_COME: [HttpStatus.UNPROCESSABLE_ENTITY, '振込指定日の前のため、まだ振込を確定できません。'],
  NOTHING_TO_PAY: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    'この公募回に支払える申請 (額確定・概算払請求中・給付決定で口座登録済み、他の未確定の支払バッチにないもの) はありません。',
  ],
  ALREADY_IN_OPEN_BATCH: [HttpStatus.CONFLICT, '申請が別の未確定の支払バッチに含まれています。そのバッチを確定するか取り消してから作成してください。'],
  BATCH_NOT_OPEN: [HttpStatus.CONFLICT, 'この支払バッチは確定済みまたは取消済みのため、操作できません。'],
  LINE_NOT_PAYABLE: [
    HttpStatus.CONFLICT,
    '支払バッチの作成後に、支払待ちでなくなった申請があります。この支払バッチを取り消し、支払える申請で作り直してください。',
  ],
  INVALID_ZENGIN_FILE: [HttpStatus.UNPROCESSABLE_ENTITY, '全銀ファイルを作成できません。各項目のメッセージを確認してください。'],
  TOTALS_MISMATCH: [HttpStatus.CONFLICT, '全銀ファイルの合計件数・合計金額が支払バッチの合計と一致しません。ダウンロードを中止しました。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class PaymentBatchError extends errorFamily(PAYMENT_BATCH_ERRORS) {}
