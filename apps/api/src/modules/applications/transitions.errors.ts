import { HttpException, HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';
import type { RefusalCode } from '@jimukyoku/workflow';

/** How each refusal of the workflow engine answers over HTTP; the message is the engine's Japanese reason. */
const STATUS_OF_REFUSAL: Record<RefusalCode, HttpStatus> = {
  UNKNOWN_TRANSITION: HttpStatus.BAD_REQUEST,
  REASON_REQUIRED: HttpStatus.BAD_REQUEST,
  ROLE_NOT_ALLOWED: HttpStatus.FORBIDDEN,
  NOT_ALLOWED_FROM_STATE: HttpStatus.CONFLICT,
  TERMINAL_STATE: HttpStatus.CONFLICT,
  WORKFLOW_MISMATCH: HttpStatus.CONFLICT,
  UNKNOWN_STATE: HttpStatus.CONFLICT,
  GUARD_FAILED: HttpStatus.UNPROCESSABLE_ENTITY,
  // a single 採択 before the 応募締切 or beyond the 予算: allowed only with a manager's reason (422 like
  // the 要件確認's OVERRIDE_REASON_REQUIRED: the same request with a reason is accepted)
  OVERRIDE_REASON_REQUIRED: HttpStatus.UNPROCESSABLE_ENTITY,
  // a step after a decision whose notice still waits for the 採択発表 (libs/workflow announcement.ts)
  NOT_YET_ANNOUNCED: HttpStatus.CONFLICT,
};

export class TransitionRefused extends HttpException {
  constructor(code: RefusalCode, message: string, extra: Record<string, unknown> = {}) {
    super({ code, message, ...extra }, STATUS_OF_REFUSAL[code]);
  }
}

export const APPLICATION_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  STALE_VERSION: [HttpStatus.CONFLICT, 'この申請は他の操作で更新されました。画面を更新して最新の状態を確認してください。'],
  // a state change out of 額確定 / 概算払請求中 / 給付決定 while an open payment batch carries the payment (docs/payments.md)
  IN_OPEN_PAYMENT_BATCH: [
    HttpStatus.CONFLICT,
    'この申請は未確定の支払バッチに含まれています。銀行に振込を依頼していなければ支払バッチを取り消し、振り込まれていれば振込を確定してから、もう一度操作してください。',
  ],
  BULK_SELECTION_REQUIRED: [HttpStatus.BAD_REQUEST, '対象の申請 (ids または filter) を指定してください。'],
  BULK_NOTHING_MATCHED: [HttpStatus.UNPROCESSABLE_ENTITY, '条件に一致する申請がありません。一覧で条件を確かめてください。'],
  BULK_TOO_LARGE: [HttpStatus.BAD_REQUEST, '一括操作は一度に10,000件までです。条件を絞ってください。'],
  // the database went away partway through a bulk operation: what was done stays done (each its own transaction)
  BULK_INTERRUPTED: [
    HttpStatus.SERVICE_UNAVAILABLE,
    'データベースに一時的に接続できなくなったため、一括操作を途中で中断しました。処理済みの申請はそのままです。少し待ってから同じ操作をもう一度実行してください。',
  ],
  // 再審査 in another 類型 (reconsideration.service.ts, docs/reconsideration.md)
  RECONSIDERATION_NOT_OFFERED: [HttpStatus.CONFLICT, 'この申請の類型には、別の類型での再審査がありません。'],
  RECONSIDERATION_TARGET_NOT_ALLOWED: [HttpStatus.UNPROCESSABLE_ENTITY, '指定された類型では再審査できません。再審査できる類型から選んでください。'],
  RECONSIDERATION_NOT_ELIGIBLE: [HttpStatus.UNPROCESSABLE_ENTITY, '移す類型の要件を満たさないため、その類型では再審査できません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class ApplicationError extends errorFamily(APPLICATION_ERRORS) {}
