import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const REVIEW_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  CATEGORY_NOT_OFFERED: [HttpStatus.BAD_REQUEST, 'この公募回はその類型を募集していません。'],
  RUBRIC_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された審査基準はありません。'],
  INVALID_RUBRIC: [HttpStatus.BAD_REQUEST, '審査基準の内容に誤りがあります。'],
  RUBRIC_FROZEN: [HttpStatus.CONFLICT, '採点が始まった審査基準は変更できません (採点の公平性のため)。'],
  FORMAL_CHECK_NOT_OPEN: [HttpStatus.CONFLICT, 'この申請は要件確認の段階にありません。'],
  FORMAL_CHECK_INCOMPLETE: [HttpStatus.UNPROCESSABLE_ENTITY, '要件確認の項目がすべて確認されていません。'],
  FORMAL_CHECK_OUTCOME_MISMATCH: [HttpStatus.UNPROCESSABLE_ENTITY, '確認結果と選んだ処理が合っていません。'],
  INVALID_FORMAL_CHECK: [HttpStatus.BAD_REQUEST, '要件確認の入力に誤りがあります。'],
  REVIEWER_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された審査員はいません (有効な審査員アカウントではありません)。'],
  CONFLICT_OF_INTEREST: [HttpStatus.CONFLICT, 'この審査員には利益相反があるため割り当てられません。'],
  REVIEWER_AT_CAPACITY: [HttpStatus.CONFLICT, 'この審査員は上限件数に達しています。'],
  ALREADY_ASSIGNED: [HttpStatus.CONFLICT, 'この審査員は既にこの申請に割り当てられています。'],
  NOT_ASSIGNABLE: [HttpStatus.CONFLICT, 'この申請は現在の状態ではこの割当の対象になりません (要件確認は受付〜要件確認中、書面審査は書面審査中の申請が対象です)。'],
  ASSIGNMENT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された割当はありません。'],
  ASSIGNMENT_CLOSED: [HttpStatus.CONFLICT, '提出済み、または取消済みの割当は変更できません。'],
  NOT_UNDER_REVIEW: [HttpStatus.CONFLICT, 'この申請は書面審査中ではありません。'],
  NOT_YOUR_ASSIGNMENT: [HttpStatus.FORBIDDEN, '自分に割り当てられた採点票だけを編集できます。'],
  INVALID_SCORES: [HttpStatus.BAD_REQUEST, '採点の入力に誤りがあります。'],
  ALREADY_SUBMITTED: [HttpStatus.CONFLICT, '提出済みの採点票は変更できません。再開が必要な場合は事務局の管理者に依頼してください。'],
  NOT_SUBMITTED: [HttpStatus.CONFLICT, 'この採点票はまだ提出されていません。'],
  REVIEW_DECIDED: [HttpStatus.CONFLICT, '採択の判定が済んだ申請の採点は再開できません。'],
  OWN_SCORE_FIRST: [HttpStatus.FORBIDDEN, '他の審査員の採点は、自分の採点を提出した後に表示されます。'],
  CONFLICT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された利益相反の申告はありません。'],
  INVALID_CONFLICT: [HttpStatus.BAD_REQUEST, '利益相反の申告内容に誤りがあります。'],
  DECLARE_OWN_ONLY: [HttpStatus.FORBIDDEN, '審査員は自分の利益相反だけを申告できます。'],
  INVALID_EXPORT_FORMAT: [HttpStatus.BAD_REQUEST, 'format は csv か xlsx を指定してください。'],
  INVALID_LIMITS: [HttpStatus.BAD_REQUEST, '予算・採択件数の指定に誤りがあります。'],
  RANKING_CHANGED: [HttpStatus.CONFLICT, 'シミュレーションの後に審査結果が変わりました。最新の順位を確認してから確定してください。'],
  REVIEWS_REOPENED: [HttpStatus.CONFLICT, '採点が再開中の申請があります。再提出されてから確定してください。'],
  NOTHING_TO_DECIDE: [HttpStatus.CONFLICT, '判定できる申請 (審査完了) がありません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class ReviewError extends errorFamily(REVIEW_ERRORS) {}
