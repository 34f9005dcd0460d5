/** The rubric's rules: one row per mistake a manager or a reviewer can make. */
import { REFERENCE_CATALOGUE } from '../catalogue';
import type { Rubric } from './review.types';
import {
  PROGRAMS_WITH_DEFAULT_RUBRIC,
  bonusPoints,
  bonusProblems,
  commentProblems,
  defaultRubric,
  MAX_CRITERION_COMMENT_LENGTH,
  maxWeightedTotal,
  scoreSheetProblems,
  validateRubric,
  weightedTotal,
} from './rubric';

const RUBRIC: Rubric = {
  criteria: [
    { code: 'commercialization', label: '事業化点', maxScore: 5, weight: 4 },
    { code: 'restructuring', label: '再構築点', maxScore: 5, weight: 4 },
    { code: 'policy', label: '政策点', maxScore: 5, weight: 2 },
  ],
  bonusItems: [
    { code: 'wageIncreaseBonus', label: '賃上げ加点', points: 2 },
    { code: 'partnershipBonus', label: 'パートナーシップ構築宣言加点', points: 1 },
  ],
};

const withCriterion = (patch: Record<string, unknown>, i = 1): unknown => ({
  ...RUBRIC,
  criteria: RUBRIC.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)),
});
const withBonus = (patch: Record<string, unknown>, i = 0): unknown => ({
  ...RUBRIC,
  bonusItems: RUBRIC.bonusItems.map((b, j) => (j === i ? { ...b, ...patch } : b)),
});
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('validateRubric', () => {
  it.each<[string, unknown, string[]]>([
    ['a valid rubric has no problem', RUBRIC, []],
    ['a rubric without bonus items is valid', { ...RUBRIC, bonusItems: [] }, []],
    ['a decimal weight is valid', withCriterion({ weight: 1.5 }), []],
    ['a 加点 of 0 points is valid', withBonus({ points: 0 }), []],
    ['not an object', 'rubric', ['criteria']],
    ['null', null, ['criteria']],
    ['no criteria', { ...RUBRIC, criteria: [] }, ['criteria']],
    ['criteria missing', { bonusItems: [] }, ['criteria']],
    ['bonusItems missing', { criteria: RUBRIC.criteria }, ['bonusItems']],
    ['a criterion that is not an object', { ...RUBRIC, criteria: [RUBRIC.criteria[0], 3] }, ['criteria[1]']],
    ['a code starting with a digit', withCriterion({ code: '1st' }), ['criteria[1].code']],
    ['a code with a hyphen', withCriterion({ code: 'jigyo-ka' }), ['criteria[1].code']],
    ['a code in Japanese', withCriterion({ code: '事業化' }), ['criteria[1].code']],
    ['an empty code', withCriterion({ code: '' }), ['criteria[1].code']],
    ['a code used twice among criteria', withCriterion({ code: 'commercialization' }), ['criteria[1].code']],
    ['a bonus code equal to a criterion code', withBonus({ code: 'policy' }), ['bonusItems[0].code']],
    ['a bonus code used twice', withBonus({ code: 'wageIncreaseBonus' }, 1), ['bonusItems[1].code']],
    ['an empty label', withCriterion({ label: '  ' }), ['criteria[1].label']],
    ['maxScore 0', withCriterion({ maxScore: 0 }), ['criteria[1].maxScore']],
    ['maxScore 101', withCriterion({ maxScore: 101 }), ['criteria[1].maxScore']],
    ['maxScore 4.5', withCriterion({ maxScore: 4.5 }), ['criteria[1].maxScore']],
    ['maxScore as a string', withCriterion({ maxScore: '5' }), ['criteria[1].maxScore']],
    ['weight 0', withCriterion({ weight: 0 }), ['criteria[1].weight']],
    ['weight negative', withCriterion({ weight: -1 }), ['criteria[1].weight']],
    ['weight above 100', withCriterion({ weight: 100.5 }), ['criteria[1].weight']],
    ['weight NaN', withCriterion({ weight: Number.NaN }), ['criteria[1].weight']],
    ['weight Infinity', withCriterion({ weight: Number.POSITIVE_INFINITY }), ['criteria[1].weight']],
    ['a description that is not text', withCriterion({ description: 5 }), ['criteria[1].description']],
    ['bonus points negative', withBonus({ points: -1 }), ['bonusItems[0].points']],
    ['bonus points decimal', withBonus({ points: 0.5 }), ['bonusItems[0].points']],
    ['bonus points above 100', withBonus({ points: 101 }), ['bonusItems[0].points']],
    ['an empty bonus label', withBonus({ label: '' }), ['bonusItems[0].label']],
    ['a criterion with a key it does not have', withCriterion({ maxscore: 5 }), ['criteria[1].maxscore']],
    ['a 加点項目 with a key it does not have', withBonus({ weight: 1 }), ['bonusItems[0].weight']],
    ['a criterion with its description is valid', withCriterion({ description: '事業の再構築の度合い' }), []],
    [
      'several problems are all reported',
      withCriterion({ code: '', label: '', maxScore: 0, weight: 0 }),
      ['criteria[1].code', 'criteria[1].label', 'criteria[1].maxScore', 'criteria[1].weight'],
    ],
  ])('%s', (_rule, input, expected) => {
    expect(fields(validateRubric(input))).toEqual(expected);
  });

  it('names the item by its label and says what to enter', () => {
    expect(validateRubric(withCriterion({ weight: 0 }))).toEqual([
      { field: 'criteria[1].weight', message: '審査項目「再構築点」の重みは0より大きく100以下の数値で入力してください' },
    ]);
    expect(validateRubric(withCriterion({ label: '', maxScore: 0 }))[1]).toEqual({
      field: 'criteria[1].maxScore',
      message: '審査項目（2件目）の満点は1〜100の整数で入力してください',
    });
    expect(validateRubric(withCriterion({ maxscore: 5 }))).toEqual([
      { field: 'criteria[1].maxscore', message: '審査項目「再構築点」の「maxscore」は受け付けない項目です。削除してください' },
    ]);
    expect(validateRubric(withBonus({ code: 'policy' }))[0].message).toBe(
      'コード「policy」が重複しています。審査項目と加点項目を通して別のコードにしてください',
    );
  });
});

describe('defaultRubric', () => {
  it.each(['restructuring', 'monozukuri', 'sustainability', 'itIntroduction', 'unknown'])('the default for %s is a valid rubric', (code) => {
    expect(validateRubric(defaultRubric(code))).toEqual([]);
  });

  it('uses programme codes that exist in the catalogue', () => {
    const codes = REFERENCE_CATALOGUE.programs.map((p) => p.code);
    for (const code of PROGRAMS_WITH_DEFAULT_RUBRIC) expect(codes).toContain(code);
  });

  it.each<[string, string[]]>([
    ['restructuring', ['事業化点', '再構築点', '政策点']],
    ['monozukuri', ['技術面', '事業化面', '政策面']],
    ['sustainability', ['経営状況分析の妥当性', '経営方針・目標と今後のプランの適切性', '補助事業計画の有効性', '積算の透明・適切性']],
  ])('%s is scored on its published 審査項目', (code, labels) => {
    expect(defaultRubric(code).criteria.map((c) => c.label)).toEqual(labels);
  });

  it('does not score 適格性 for 事業再構築 (it is the formal check)', () => {
    expect(defaultRubric('restructuring').criteria.map((c) => c.label)).not.toContain('適格性');
  });

  it('gives other programmes (and unlucky names like toString) the generic 3-criterion rubric', () => {
    expect(defaultRubric('recoveryBenefit').criteria).toHaveLength(3);
    expect(defaultRubric('toString')).toEqual(defaultRubric('recoveryBenefit'));
  });

  it('returns a fresh copy each time, so editing one does not change the default', () => {
    const edited = defaultRubric('monozukuri');
    edited.criteria[0].weight = 99;
    edited.bonusItems.pop();
    expect(defaultRubric('monozukuri').criteria[0].weight).toBe(4);
    expect(defaultRubric('monozukuri').bonusItems).toHaveLength(4);
  });

  it('keeps 加点 small next to the weighted maximum of 50', () => {
    for (const code of [...PROGRAMS_WITH_DEFAULT_RUBRIC, 'other']) {
      const r = defaultRubric(code);
      expect(maxWeightedTotal(r)).toBe(50);
      expect(
        bonusPoints(
          r,
          r.bonusItems.map((b) => b.code),
        ),
      ).toBeLessThanOrEqual(6);
    }
  });
});

describe('commentProblems', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['comments on the rubric’s criteria', { commercialization: '根拠が具体的', policy: '' }, []],
    ['a criterion the rubric does not have', { bogus: 'x' }, ['comments.bogus']],
    ['a comment that is not text', { commercialization: 123, restructuring: { x: [1] } }, ['comments.commercialization', 'comments.restructuring']],
    ['null (not a way to clear: an empty text is)', { policy: null }, ['comments.policy']],
    ['one character too many', { policy: 'あ'.repeat(MAX_CRITERION_COMMENT_LENGTH + 1) }, ['comments.policy']],
    ['exactly the limit', { policy: 'あ'.repeat(MAX_CRITERION_COMMENT_LENGTH) }, []],
  ])('%s', (_name, comments, expected) => {
    expect(fields(commentProblems(RUBRIC, comments))).toEqual(expected);
  });

  it('names the criterion by its label and says what to enter', () => {
    expect(commentProblems(RUBRIC, { policy: 1 })[0].message).toBe('「政策点」のコメントは文字で入力してください（消すときは空欄）');
    expect(commentProblems(RUBRIC, { policy: 'x'.repeat(5000) })[0].message).toBe('「政策点」のコメントは4000文字以内で入力してください');
  });
});

describe('scoreSheetProblems', () => {
  it.each<[string, Record<string, number | null | undefined>, boolean, string[]]>([
    ['a complete sheet within scale', { commercialization: 5, restructuring: 0, policy: 3 }, true, []],
    ['a draft may leave criteria empty', { commercialization: 4 }, false, []],
    ['a draft may carry explicit nulls', { commercialization: null, restructuring: undefined }, false, []],
    ['a submitted sheet needs every criterion', { commercialization: 4, policy: null }, true, ['scores.restructuring', 'scores.policy']],
    ['a score above the scale', { commercialization: 6 }, false, ['scores.commercialization']],
    ['a negative score', { commercialization: -1 }, false, ['scores.commercialization']],
    ['a decimal score', { commercialization: 2.5 }, false, ['scores.commercialization']],
    ['NaN', { commercialization: Number.NaN }, false, ['scores.commercialization']],
    ['an unknown criterion code', { commercialization: 3, technical: 3 }, false, ['scores.technical']],
    ['an inherited name is not a score', { toString: 1 }, false, ['scores.toString']],
  ])('%s', (_rule, scores, complete, expected) => {
    expect(fields(scoreSheetProblems(RUBRIC, scores, { complete }))).toEqual(expected);
  });

  it('tells the reviewer the scale', () => {
    expect(scoreSheetProblems(RUBRIC, { commercialization: 7 }, { complete: false })).toEqual([
      { field: 'scores.commercialization', message: '「事業化点」は0〜5の整数で入力してください' },
    ]);
    expect(scoreSheetProblems(RUBRIC, { commercialization: 1, restructuring: 1 }, { complete: true })).toEqual([
      { field: 'scores.policy', message: '「政策点」の点数を入力してください（0〜5の整数）' },
    ]);
  });

  it('does not read inherited properties as scores', () => {
    const rubric: Rubric = { criteria: [{ code: 'toString', label: '名前', maxScore: 5, weight: 1 }], bonusItems: [] };
    expect(fields(scoreSheetProblems(rubric, {}, { complete: true }))).toEqual(['scores.toString']);
  });
});

describe('bonusProblems', () => {
  it('refuses unknown 加点 codes by position and accepts known ones (even twice)', () => {
    expect(bonusProblems(RUBRIC, ['wageIncreaseBonus', 'disasterBonus', 'wageIncreaseBonus', 'policy'], 'confirmedBonus')).toEqual([
      { field: 'confirmedBonus[1]', message: '加点項目「disasterBonus」はこの評価基準にありません。加点項目の一覧から選んでください' },
      { field: 'confirmedBonus[3]', message: '加点項目「policy」はこの評価基準にありません。加点項目の一覧から選んでください' },
    ]);
    expect(bonusProblems(RUBRIC, [], 'confirmedBonus')).toEqual([]);
  });
});

describe('weightedTotal / maxWeightedTotal / bonusPoints', () => {
  it('sums score × weight: 4×4 + 3×4 + 5×2 = 38', () => {
    expect(weightedTotal(RUBRIC, { commercialization: 4, restructuring: 3, policy: 5 })).toBe(38);
  });

  it('counts a missing score as 0 and ignores unknown codes: 4×4 = 16', () => {
    expect(weightedTotal(RUBRIC, { commercialization: 4, technical: 5 })).toBe(16);
  });

  it('rounds away float noise: 1×0.1 + 2×0.2 = 0.5 exactly; 3 × 0.1 = 0.3 not 0.30000000000000004', () => {
    const rubric: Rubric = {
      criteria: [
        { code: 'a', label: 'A', maxScore: 5, weight: 0.1 },
        { code: 'b', label: 'B', maxScore: 5, weight: 0.2 },
      ],
      bonusItems: [],
    };
    expect(weightedTotal(rubric, { a: 1, b: 2 })).toBe(0.5);
    expect(weightedTotal(rubric, { a: 3 })).toBe(0.3);
    // 5×0.1 + 5×0.2 = 1.5
    expect(maxWeightedTotal(rubric)).toBe(1.5);
  });

  it('maximum = Σ maxScore × weight: 5×4 + 5×4 + 5×2 = 50', () => {
    expect(maxWeightedTotal(RUBRIC)).toBe(50);
  });

  it('bonus: 賃上げ 2 + パートナーシップ 1 = 3; duplicates once, unknown ignored', () => {
    expect(bonusPoints(RUBRIC, ['wageIncreaseBonus', 'partnershipBonus'])).toBe(3);
    expect(bonusPoints(RUBRIC, ['wageIncreaseBonus', 'wageIncreaseBonus', 'unknownBonus'])).toBe(2);
    expect(bonusPoints(RUBRIC, [])).toBe(0);
  });
});
