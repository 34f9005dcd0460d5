import { hasPostAwardSteps, hasScoring, type RoundWorkflow } from './workflow';

const withTransitions = (...names: string[]): RoundWorkflow => ({
  definition: { states: [], transitions: names.map((name) => ({ name, label: name, from: [], to: 'x', roles: [] })) },
  mermaid: '',
});

describe('hasPostAwardSteps (the 交付・確定 tab)', () => {
  it('is true for a workflow with a 交付申請, false for a 給付金 that ends at its 振込', () => {
    expect(hasPostAwardSteps(withTransitions('submit', 'adopt', 'applyForGrant', 'decideGrant'))).toBe(true);
    expect(hasPostAwardSteps(withTransitions('submit', 'decideBenefit', 'recordTransfer'))).toBe(false);
  });

  it('shows the tab while the definition is still loading', () => expect(hasPostAwardSteps(undefined)).toBe(true));
});

describe('hasScoring (the 審査 tab)', () => {
  const withStates = (...tags: string[][]): RoundWorkflow => ({
    definition: { states: tags.map((t, i) => ({ code: `s${i}`, label: `s${i}`, kind: 'active', tags: t })), transitions: [] },
    mermaid: '',
  });
  it('is true for a workflow with a state that opens score sheets, false for a 給付金 that has none', () => {
    expect(hasScoring(withStates([], ['openForScoring'], ['holdsSlot']))).toBe(true);
    expect(hasScoring(withStates([], ['awaitsFormalCheck'], []))).toBe(false);
  });

  it('shows the tab while the definition is still loading', () => expect(hasScoring(undefined)).toBe(true));
});
