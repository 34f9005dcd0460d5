import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const NOTIFICATION_TEMPLATE_ERRORS = {
  TEMPLATE_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定されたテンプレートはありません。'],
  TEMPLATE_UNKNOWN_VARIABLES: [HttpStatus.BAD_REQUEST, 'このテンプレートでは使えない差し込み項目があります。'],
  TEMPLATE_ESSENTIALS_MISSING: [HttpStatus.BAD_REQUEST, '申請者へのメールに必要な差し込み項目 (受付番号、申請状況の確認ページ、連絡先) がありません。'],
  TEMPLATE_MALFORMED_PLACEHOLDER: [
    HttpStatus.BAD_REQUEST,
    '差し込み項目の書き方が正しくありません。差し込み項目は {{applicantName}} のように半角の {{ と }} で名前を囲んでください。',
  ],
  TEMPLATE_VERSION_CONFLICT: [HttpStatus.CONFLICT, '他の人がこのテンプレートを先に保存しました。最新の版を確認してから保存し直してください。'],
  PREVIEW_APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, 'プレビューに使う申請が見つかりません。申請IDまたは受付番号を確認してください。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class NotificationTemplateError extends errorFamily(NOTIFICATION_TEMPLATE_ERRORS) {}
