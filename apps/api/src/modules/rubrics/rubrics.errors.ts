import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const RUBRIC_ERRORS = {
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  CATEGORY_NOT_OFFERED: [HttpStatus.BAD_REQUEST, 'この公募回はその類型を募集していません。'],
  RUBRIC_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された審査基準はありません。'],
  INVALID_RUBRIC: [HttpStatus.BAD_REQUEST, '審査基準の内容に誤りがあります。'],
  RUBRIC_FROZEN: [HttpStatus.CONFLICT, '採点が始まった審査基準は変更できません (採点の公平性のため)。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class RubricError extends errorFamily(RUBRIC_ERRORS) {}
