import type { ScoreSheet } from '../review/types';
import { bodyOf, draftOf, hasUnsavedChanges, runningTotal, scoreProblems, type Draft } from './scoreSheetForm';

/** The 採点票's own check before sending: the API's scale rule (libs/domain's scoreSheetProblems) on what was typed. */
describe('scoreProblems', () => {
  const sheet = {
    rubric: {
      id: 'r',
      criteria: [
        { code: 'commercialization', label: '事業化点', maxScore: 5, weight: 4 },
        { code: 'policy', label: '政策点', maxScore: 5, weight: 2 },
      ],
      bonusItems: [],
      maxTotal: 30,
      frozen: false,
    },
  };
  const draft = (commercialization: string, policy = ''): Draft => ({
    scores: { commercialization, policy },
    comments: {},
    confirmedBonus: [],
    overallComment: '',
  });

  it.each([
    ['7 on a 0–5 item', '7'],
    ['a fraction', '3.5'],
    ['a negative score', '-1'],
    ['what is not a number', 'abc'],
  ])('flags %s on its field, in Japanese', (_case, typed) => {
    expect(scoreProblems(sheet, draft(typed), false)).toEqual({ 'scores.commercialization': '「事業化点」は0〜5の整数で入力してください' });
  });

  it('accepts integers within the scale, and an empty score while saving a draft', () => {
    expect(scoreProblems(sheet, draft('0'), false)).toEqual({});
    expect(scoreProblems(sheet, draft('5', '3'), false)).toEqual({});
  });

  it('asks for every score on submit', () => {
    expect(scoreProblems(sheet, draft('4'), true)).toEqual({ 'scores.policy': '「政策点」の点数を入力してください（0〜5の整数）' });
  });

  it('counts in the running total only the scores the scale accepts', () => {
    expect(runningTotal(sheet, draft('5', '3'))).toBe(26); // 5 × 4 + 3 × 2
    expect(runningTotal(sheet, draft('6', '3'))).toBe(6); // 6 is off the 0–5 scale
    expect(runningTotal(sheet, draft('3.5', ''))).toBe(0);
  });

  it('sends an empty score as null (not scored yet)', () => {
    expect(bodyOf(draft('4')).scores).toEqual({ commercialization: 4, policy: null });
  });
});

describe('hasUnsavedChanges', () => {
  const sheet = {
    rubric: {
      id: 'r',
      criteria: [{ code: 'policy', label: '政策点', maxScore: 5, weight: 2 }],
      bonusItems: [],
      maxTotal: 10,
      frozen: false,
    },
    scores: { policy: 4 },
    comments: { policy: '妥当' },
    confirmedBonus: [],
    overallComment: null,
  } as unknown as ScoreSheet;

  it('is false for the sheet as saved, true once a score, a comment or the 総評 is changed', () => {
    const saved = draftOf(sheet);
    expect(hasUnsavedChanges(sheet, saved)).toBe(false);
    expect(hasUnsavedChanges(sheet, { ...saved, scores: { policy: '3' } })).toBe(true);
    expect(hasUnsavedChanges(sheet, { ...saved, comments: { policy: '妥当。根拠あり' } })).toBe(true);
    expect(hasUnsavedChanges(sheet, { ...saved, overallComment: '総評' })).toBe(true);
  });
});
