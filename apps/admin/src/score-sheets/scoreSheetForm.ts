import { scoreSheetProblems, weightedTotal } from '@jimukyoku/domain';
import type { ScoreSheet, ScoreSheetBody } from '../review/types';

/** The 採点票 as typed: scores as text (an empty one is not scored yet), comments, confirmed 加点, 総評. */
export interface Draft {
  scores: Record<string, string>;
  comments: Record<string, string>;
  confirmedBonus: string[];
  overallComment: string;
}

export const draftOf = (s: ScoreSheet): Draft => ({
  scores: Object.fromEntries(s.rubric.criteria.map((c) => [c.code, s.scores[c.code] === undefined ? '' : String(s.scores[c.code])])),
  comments: Object.fromEntries(s.rubric.criteria.map((c) => [c.code, s.comments[c.code] ?? ''])),
  confirmedBonus: s.confirmedBonus,
  overallComment: s.overallComment ?? '',
});

/** The form's text → the API's body: an empty score is null (not scored yet). */
export function bodyOf(d: Draft): ScoreSheetBody {
  const scores: Record<string, number | null> = {};
  for (const [code, text] of Object.entries(d.scores)) scores[code] = text.trim() === '' ? null : Number(text);
  const comments = Object.fromEntries(Object.entries(d.comments).filter(([, v]) => v.trim() !== ''));
  return { scores, comments, confirmedBonus: d.confirmedBonus, overallComment: d.overallComment };
}

/** Whether what is typed differs from the sheet as last saved (leaving the page would lose it). */
export const hasUnsavedChanges = (sheet: ScoreSheet, d: Draft): boolean => JSON.stringify(bodyOf(d)) !== JSON.stringify(bodyOf(draftOf(sheet)));

/**
 * The weighted total of what is typed so far (libs/domain's weightedTotal, the API's rule), counting only the scores
 * the scale accepts: a 6 on a 0–5 item or a 3.5 is not part of it (it was, showing 46.0/50.0 beside the error).
 */
export function runningTotal(sheet: Pick<ScoreSheet, 'rubric'>, d: Draft): number {
  const refused = scoreProblems(sheet, d, false);
  const scores = Object.fromEntries(Object.entries(bodyOf(d).scores).filter((e): e is [string, number] => e[1] !== null && !refused[`scores.${e[0]}`]));
  return weightedTotal({ criteria: sheet.rubric.criteria, bonusItems: sheet.rubric.bonusItems }, scores);
}

/**
 * The scale check the API applies (libs/domain's scoreSheetProblems), before anything is sent: each
 * score an integer within 0..maxScore; with `complete`, every criterion scored. Field → Japanese message.
 */
export function scoreProblems(sheet: Pick<ScoreSheet, 'rubric'>, d: Draft, complete: boolean): Record<string, string> {
  const rubric = { criteria: sheet.rubric.criteria, bonusItems: sheet.rubric.bonusItems };
  const out: Record<string, string> = {};
  for (const p of scoreSheetProblems(rubric, bodyOf(d).scores, { complete })) out[p.field] ??= p.message;
  return out;
}
