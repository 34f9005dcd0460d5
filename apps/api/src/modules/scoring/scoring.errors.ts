import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const SCORING_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  ASSIGNMENT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された割当はありません。'],
  ASSIGNMENT_CLOSED: [HttpStatus.CONFLICT, '提出済み、または取消済みの割当は変更できません。'],
  NOT_UNDER_REVIEW: [HttpStatus.CONFLICT, 'この申請は書面審査中ではありません。'],
  NOT_YOUR_ASSIGNMENT: [HttpStatus.FORBIDDEN, '自分に割り当てられた採点票だけを編集できます。'],
  INVALID_SCORES: [HttpStatus.BAD_REQUEST, '採点の入力に誤りがあります。'],
  ALREADY_SUBMITTED: [HttpStatus.CONFLICT, '提出済みの採点票は変更できません。再開が必要な場合は事務局の管理者に依頼してください。'],
  NOT_SUBMITTED: [HttpStatus.CONFLICT, 'この採点票はまだ提出されていません。'],
  REVIEW_DECIDED: [HttpStatus.CONFLICT, '採択の判定が済んだ申請の採点は再開できません。'],
  OWN_SCORE_FIRST: [HttpStatus.FORBIDDEN, '他の審査員の採点は、自分の採点を提出した後に表示されます。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class ScoringError extends errorFamily(SCORING_ERRORS) {}
