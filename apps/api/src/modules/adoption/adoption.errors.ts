import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const ADOPTION_ERRORS = {
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  CATEGORY_NOT_OFFERED: [HttpStatus.BAD_REQUEST, 'この公募回はその類型を募集していません。'],
  INVALID_EXPORT_FORMAT: [HttpStatus.BAD_REQUEST, 'format は csv か xlsx を指定してください。'],
  INVALID_LIMITS: [HttpStatus.BAD_REQUEST, '予算・採択件数の指定に誤りがあります。'],
  RANKING_CHANGED: [HttpStatus.CONFLICT, 'シミュレーションの後に審査結果が変わりました。最新の順位を確認してから確定してください。'],
  REVIEWS_REOPENED: [HttpStatus.CONFLICT, '採点が再開中の申請があります。再提出されてから確定してください。'],
  ROUND_STILL_OPEN: [HttpStatus.UNPROCESSABLE_ENTITY, '公募回はまだ申請を受け付けています。応募締切の後に確定してください。'],
  NOTHING_TO_DECIDE: [HttpStatus.CONFLICT, '判定できる申請 (審査完了) がありません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class AdoptionError extends errorFamily(ADOPTION_ERRORS) {}
