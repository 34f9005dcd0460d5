import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const APPLICATION_EXPORT_ERRORS = {
  INVALID_EXPORT_FORMAT: [HttpStatus.BAD_REQUEST, 'format は csv か xlsx を指定してください。'],
  EXPORT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定されたエクスポートはありません。'],
  EXPORT_NOT_READY: [HttpStatus.CONFLICT, 'このエクスポートのファイルはまだできていません。進捗が 100% になってからダウンロードしてください。'],
  EXPORT_FAILED: [HttpStatus.CONFLICT, 'このエクスポートは失敗しました。もう一度エクスポートしてください。'],
  EXPORT_DELIVERED_DIRECTLY: [
    HttpStatus.CONFLICT,
    'このエクスポートはその場でダウンロード済みで、ファイルは保存していません。必要ならもう一度エクスポートしてください。',
  ],
  EXPORT_EXPIRED: [
    HttpStatus.GONE,
    'このエクスポートのファイルは保存期間を過ぎたため削除しました (個人情報を含むため)。必要ならもう一度エクスポートしてください。',
  ],
  EXPORT_FILE_MISSING: [HttpStatus.GONE, 'このエクスポートのファイルはもうありません。もう一度エクスポートしてください。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class ApplicationExportError extends errorFamily(APPLICATION_EXPORT_ERRORS) {}
