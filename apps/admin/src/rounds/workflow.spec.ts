import { hasPostAwardSteps, type RoundWorkflow } from './workflow';

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
