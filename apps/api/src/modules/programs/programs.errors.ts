import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const RULES_ERRORS = {
  PROGRAM_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された事業はありません。'],
  RULE_SET_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された予算・版はありません。'],
  CATEGORY_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された類型はありません。'],
  CODE_TAKEN: [HttpStatus.CONFLICT, 'このコードは既に使われています。'],
  RULE_SET_LOCKED: [HttpStatus.CONFLICT, 'この予算・版は申請を受け付けたため変更できません。新しい版を作成して変更してください。'],
  CATEGORY_IN_USE: [HttpStatus.CONFLICT, 'この類型は公募回で使われているため削除できません。'],
  INVALID_CATEGORY_CONFIG: [HttpStatus.BAD_REQUEST, '類型の設定に誤りがあります。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export type RulesErrorCode = keyof typeof RULES_ERRORS;

export class RulesError extends errorFamily(RULES_ERRORS) {}
