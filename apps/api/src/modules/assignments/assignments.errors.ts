import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const ASSIGNMENT_ERRORS = {
  APPLICATION_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された申請はありません。'],
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  CATEGORY_NOT_OFFERED: [HttpStatus.BAD_REQUEST, 'この公募回はその類型を募集していません。'],
  REVIEWER_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された審査員はいません (有効な審査員アカウントではありません)。'],
  CONFLICT_OF_INTEREST: [HttpStatus.CONFLICT, 'この審査員には利益相反があるため割り当てられません。'],
  REVIEWER_AT_CAPACITY: [HttpStatus.CONFLICT, 'この審査員は上限件数に達しています。'],
  ALREADY_ASSIGNED: [HttpStatus.CONFLICT, 'この審査員は既にこの申請に割り当てられています。'],
  NOT_ASSIGNABLE: [
    HttpStatus.CONFLICT,
    'この申請は現在の状態ではこの割当の対象になりません (要件確認は受付〜要件確認中、書面審査は書面審査中の申請が対象です)。',
  ],
  ASSIGNMENT_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された割当はありません。'],
  ASSIGNMENT_CLOSED: [HttpStatus.CONFLICT, '提出済み、または取消済みの割当は変更できません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class AssignmentError extends errorFamily(ASSIGNMENT_ERRORS) {}
