// The status page (README "Status page") tells the applicant what each state means and what happens
// next, in the definitions' own words: every state of the built-in flows carries that text, in Japanese.
import { BENEFIT_V1, IT_SUBSIDY_V1, SUBSIDY_V1, SUBSIDY_V2 } from './index';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe.each([SUBSIDY_V1, SUBSIDY_V2, BENEFIT_V1, IT_SUBSIDY_V1])('$code@$version: the applicant reads each state in plain words', (definition) => {
  it.each(definition.states.map((s) => [s.code, s] as const))('%s has a meaning and a next step in Japanese', (_code, state) => {
    expect(state.applicant).toBeDefined();
    expect(state.applicant!.meaning).toMatch(JAPANESE);
    expect(state.applicant!.next).toMatch(JAPANESE);
  });

  it('a final state asks nothing more and shows no amount unless one was paid', () => {
    for (const s of definition.states.filter((x) => x.kind === 'terminal' && x.tone === 'negative')) {
      expect(s.applicant!.next).toContain('終了');
      expect(s.applicant!.amount).toBe('none');
    }
  });
});
