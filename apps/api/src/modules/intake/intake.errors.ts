import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const INTAKE_ERRORS = {
  ROUND_NOT_FOUND: [HttpStatus.UNPROCESSABLE_ENTITY, '指定された公募回はありません。'],
  CATEGORY_NOT_OFFERED: [HttpStatus.UNPROCESSABLE_ENTITY, 'この公募回では指定された類型の募集はありません。'],
  ROUND_NOT_OPEN: [HttpStatus.UNPROCESSABLE_ENTITY, '公募開始前のため受け付けられません。'],
  ROUND_CLOSED: [HttpStatus.UNPROCESSABLE_ENTITY, '応募締切を過ぎているため受け付けられません。'],
  INVALID_APPLICATION: [HttpStatus.UNPROCESSABLE_ENTITY, '申請内容に誤りがあります。'],
  DUPLICATE_APPLICATION: [HttpStatus.CONFLICT, 'この法人番号の申請はこの公募回で既に受け付けています (1公募回につき1法人1申請)。'],
  IDEMPOTENCY_KEY_REQUIRED: [
    HttpStatus.BAD_REQUEST,
    'Idempotency-Key ヘッダーを付けて送信してください。申請1件ごとに新しいキー (UUID など) を作り、応答が届かなかったときの再送には同じキーを使います。',
  ],
  INVALID_IDEMPOTENCY_KEY: [HttpStatus.BAD_REQUEST, 'Idempotency-Key が正しくありません。'],
  IDEMPOTENCY_KEY_REUSED: [HttpStatus.UNPROCESSABLE_ENTITY, 'この Idempotency-Key は別の内容の申請に使われています。新しいキーで送信してください。'],
  UNSUPPORTED_WORKFLOW: [HttpStatus.UNPROCESSABLE_ENTITY, 'この事業の申請はこのAPIでは受け付けていません。'],
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  CHANNEL_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された受付窓口はありません。'],
  RESUBMIT_THROUGH_CHANNEL: [
    HttpStatus.CONFLICT,
    'この申請は電子申請で受け付けたため、補正は申請者が電子申請で再提出します。紙の補正を記録できるのは紙で受け付けた (一括登録した) 申請だけです。',
  ],
  ATTACHMENT_TOO_LARGE: [HttpStatus.PAYLOAD_TOO_LARGE, '添付書類が大きすぎます。'],
  ATTACHMENT_TYPE: [HttpStatus.UNSUPPORTED_MEDIA_TYPE, '添付書類の形式が対応していません (PDF、JPEG、PNG のみ)。'],
  ATTACHMENT_MISSING: [HttpStatus.BAD_REQUEST, 'ファイル (file) を添付してください。'],
  INVALID_ATTACHMENT_UPLOAD: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '添付書類は multipart/form-data で、file 欄にファイルを1つ、kind 欄に書類の種類を指定して送ってください。',
  ],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export type IntakeErrorCode = keyof typeof INTAKE_ERRORS;

export class IntakeError extends errorFamily(INTAKE_ERRORS) {}
