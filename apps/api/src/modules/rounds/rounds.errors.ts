import { HttpStatus } from '@nestjs/common';
import { errorFamily } from '../../common/error-family';

export const ROUND_ERRORS = {
  ROUND_NOT_FOUND: [HttpStatus.NOT_FOUND, '指定された公募回はありません。'],
  ROUND_NUMBER_TAKEN: [HttpStatus.CONFLICT, 'この事業にはその回の公募が既にあります。'],
  PROGRAM_NOT_FOUND: [HttpStatus.BAD_REQUEST, '指定された事業 (programId) はありません。GET /api/programs の ID を指定してください。'],
  RULE_SET_NOT_FOUND: [HttpStatus.BAD_REQUEST, '指定された予算・版 (ruleSetId) はありません。GET /api/rule-sets の ID を指定してください。'],
  RULE_SET_OF_OTHER_PROGRAM: [HttpStatus.BAD_REQUEST, '予算・版が公募回の事業のものではありません。'],
  CATEGORY_NOT_IN_RULE_SET: [HttpStatus.BAD_REQUEST, '公募回の予算・版に含まれない類型が指定されています。'],
  DUPLICATE_CATEGORY: [HttpStatus.BAD_REQUEST, '同じ類型が2回指定されています。類型ごとに1行にしてください。'],
  INVALID_SCHEDULE: [HttpStatus.BAD_REQUEST, '公募期間の指定に誤りがあります。'],
  WORKFLOW_VERSION_UNKNOWN: [HttpStatus.BAD_REQUEST, 'その版の手続定義はこの事業にありません。GET /api/workflows の版を指定してください。'],
  WORKFLOW_FIXED_AFTER_APPLICATIONS: [
    HttpStatus.CONFLICT,
    'この公募回には既に申請（下書きを含む）があるため、手続定義の版を変更できません（申請は始めた版のまま進みます）。新しい版は次の公募回で指定してください。',
  ],
  RULE_SET_FIXED_AFTER_OPENING: [HttpStatus.CONFLICT, '公募開始後は予算・版を変更できません (申請済みの案件のルールが変わるため)。'],
  RULE_SET_FIXED_AFTER_APPLICATIONS: [
    HttpStatus.CONFLICT,
    'この公募回には既に申請（下書きを含む）があるため、予算・版を変更できません (申請済みの案件のルールと類型が変わるため)。',
  ],
  // a 類型 taken off the round would leave its applications with no ranking, 予算 or decision
  CATEGORY_HAS_APPLICATIONS: [HttpStatus.CONFLICT, '申請がある類型は公募回から外せません。'],
  // the 採択 was decided on the applications received by the deadline, and the 採択発表 released the notices
  SCHEDULE_FIXED_AFTER_DECISION: [HttpStatus.CONFLICT, '採択の決定後は、公募開始と応募締切を変更できません。'],
  ANNOUNCEMENT_PASSED: [HttpStatus.CONFLICT, '採択発表は既に始まっているため、その日時を変更できません (結果のお知らせは送信済みです)。'],
  SCHEDULE_EXCLUDES_RECEIPTS: [HttpStatus.CONFLICT, '受付済みの申請が公募期間の外になるため、この日時には変更できません。'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export class RoundError extends errorFamily(ROUND_ERRORS) {}
