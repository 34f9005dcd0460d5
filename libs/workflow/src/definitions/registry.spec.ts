import { findWorkflow, getWorkflow, latestWorkflow, UnknownWorkflowError, WORKFLOW_CODES, WORKFLOWS } from './index';
import { BENEFIT_V1, IT_SUBSIDY_V1, SUBSIDY_V1 } from './index';

describe('WORKFLOWS registry', () => {
  it('is keyed by code@version', () => {
    expect(Object.keys(WORKFLOWS).sort()).toEqual(['benefit@1', 'itSubsidy@1', 'subsidy@1']);
    expect(WORKFLOWS['subsidy@1']).toBe(SUBSIDY_V1);
  });

  it('has a definition for every workflow code', () => {
    for (const code of WORKFLOW_CODES) expect(latestWorkflow(code).code).toBe(code);
  });

  it('getWorkflow returns the pinned version', () => {
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
    expect(latestWorkflow('subsidy')).toBe(SUBSIDY_V1);
    expect(() => latestWorkflow('loan')).toThrow(UnknownWorkflowError);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(WORKFLOWS)).toBe(true);
  });
});
