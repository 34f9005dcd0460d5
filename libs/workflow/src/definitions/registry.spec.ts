import {
  findWorkflow,
  getWorkflow,
  latestWorkflow,
  registeredWorkflows,
  registerWorkflow,
  statesTagged,
  UnknownWorkflowError,
  WORKFLOW_CODES,
  WORKFLOWS,
} from './index';
import { BENEFIT_V1, IT_SUBSIDY_V1, SUBSIDY_V1, SUBSIDY_V2 } from './index';

describe('WORKFLOWS registry', () => {
  it('is keyed by code@version', () => {
    expect(Object.keys(WORKFLOWS).sort()).toEqual(['benefit@1', 'itSubsidy@1', 'subsidy@1', 'subsidy@2']);
    expect(WORKFLOWS['subsidy@1']).toBe(SUBSIDY_V1);
    expect(WORKFLOWS['subsidy@2']).toBe(SUBSIDY_V2);
  });

  it('has a definition for every workflow code', () => {
    for (const code of WORKFLOW_CODES) expect(latestWorkflow(code).code).toBe(code);
  });

  it('getWorkflow returns the pinned version', () => {
    // an application on subsidy@1 keeps v1 after v2 is registered: it asks for its own version
    expect(getWorkflow('subsidy', 1)).toBe(SUBSIDY_V1);
    expect(getWorkflow('subsidy', 2)).toBe(SUBSIDY_V2);
    expect(getWorkflow('benefit', 1)).toBe(BENEFIT_V1);
    expect(getWorkflow('itSubsidy', 1)).toBe(IT_SUBSIDY_V1);
  });

  it('getWorkflow throws for an unknown version, with a Japanese message', () => {
    expect(() => getWorkflow('subsidy', 99)).toThrow(UnknownWorkflowError);
    expect(() => getWorkflow('subsidy', 99)).toThrow('手続定義「subsidy@99」は登録されていません。');
  });

  it('findWorkflow returns undefined instead, and ignores inherited keys', () => {
    expect(findWorkflow('subsidy', 99)).toBeUndefined();
    expect(findWorkflow('constructor', Number.NaN)).toBeUndefined();
  });

  it('latestWorkflow picks the highest version and throws for an unknown code', () => {
    expect(latestWorkflow('subsidy')).toBe(SUBSIDY_V2);
    expect(() => latestWorkflow('loan')).toThrow(UnknownWorkflowError);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(WORKFLOWS)).toBe(true);
  });
});

describe('registerWorkflow (tests add a definition beside the built-in ones)', () => {
  it('makes a validated copy findable by key, latest version and tag, until it is removed', () => {
    const copy = {
      ...SUBSIDY_V1,
      version: 99,
      states: [
        ...SUBSIDY_V1.states,
        { code: 'secondOpinion', label: '再審査', kind: 'active' as const, tone: 'progress' as const, tags: ['openForScoring' as const] },
      ],
      transitions: [
        ...SUBSIDY_V1.transitions,
        { name: 'askSecondOpinion', label: '再審査に回す', from: ['underReview'], to: 'secondOpinion', roles: ['manager' as const] },
        { name: 'endSecondOpinion', label: '再審査を終える', from: ['secondOpinion'], to: 'underReview', roles: ['manager' as const] },
      ],
    };
    const remove = registerWorkflow(copy);
    try {
      expect(getWorkflow('subsidy', 99).states.map((s) => s.code)).toContain('secondOpinion');
      expect(latestWorkflow('subsidy').version).toBe(99);
      expect(statesTagged('openForScoring')).toEqual(['underReview', 'secondOpinion']);
      expect(registeredWorkflows()).toHaveLength(Object.keys(WORKFLOWS).length + 1);
      expect(() => registerWorkflow(copy)).toThrow('subsidy@99');
    } finally {
      remove();
    }
    expect(findWorkflow('subsidy', 99)).toBeUndefined();
    expect(statesTagged('openForScoring')).toEqual(['underReview']);
  });

  it('refuses a built-in key and an invalid definition', () => {
    expect(() => registerWorkflow(SUBSIDY_V1)).toThrow('subsidy@1');
    expect(() =>
      registerWorkflow({
        ...SUBSIDY_V1,
        version: 98,
        transitions: [...SUBSIDY_V1.transitions, { name: 'lost', label: '不明', from: ['draft'], to: 'nowhere', roles: ['manager'] }],
      }),
    ).toThrow();
  });
});
