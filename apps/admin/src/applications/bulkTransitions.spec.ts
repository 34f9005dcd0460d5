import type { WorkflowRecord } from '../workflows/workflowStates';
import { BULK_TRANSITIONS, bulkTransitionOptions } from './bulkTransitions';

const workflow = (code: string, version: number, transitions: WorkflowRecord['transitions']): WorkflowRecord => ({
  id: `${code}@${version}`,
  code,
  version,
  label: code,
  states: [],
  transitions,
});

const subsidy = workflow('subsidy', 1, [
  { name: 'reject', label: '不採択', from: ['reviewed', 'waitlisted'], to: 'rejected', roles: ['manager'] },
  { name: 'adopt', label: '採択', from: ['reviewed'], to: 'adopted', roles: ['manager'] },
  { name: 'applyForGrant', label: '交付申請', from: ['adopted'], to: 'grantApplied', roles: ['applicant'] },
  { name: 'decideGrant', label: '交付決定', from: ['grantApplied'], to: 'grantDecided', roles: ['manager'] },
]);
const benefit = workflow('benefit', 1, [{ name: 'pay', label: '振込', from: ['approved'], to: 'paid', roles: ['manager'] }]);
const option = (options: ReturnType<typeof bulkTransitionOptions>, id: string) => options.find((o) => o.id === id)!;

describe('bulkTransitionOptions', () => {
  it('counts the selected applications whose workflow lets a manager take each transition from their state', () => {
    const options = bulkTransitionOptions(
      [subsidy, benefit],
      [
        { status: 'reviewed', workflowCode: 'subsidy', workflowVersion: 1 },
        { status: 'waitlisted', workflowCode: 'subsidy', workflowVersion: 1 },
        { status: 'underReview', workflowCode: 'subsidy', workflowVersion: 1 },
        { status: 'approved', workflowCode: 'benefit', workflowVersion: 1 },
      ],
    );
    expect(options.map((o) => o.id)).toEqual([...BULK_TRANSITIONS]);
    expect(option(options, 'reject')).toMatchObject({ eligible: 2, known: 4, disabled: false });
    expect(option(options, 'adopt')).toMatchObject({ eligible: 1, disabled: false });
    expect(option(options, 'pay')).toMatchObject({ eligible: 1, disabled: false });
    // a transition no selected application can take is offered disabled
    expect(option(options, 'decideGrant')).toMatchObject({ eligible: 0, disabled: true });
    expect(option(options, 'closeWaitlist')).toMatchObject({ eligible: 0, disabled: true });
  });

  it('does not count a transition of another version of the workflow, or one the manager may not take', () => {
    const options = bulkTransitionOptions(
      [subsidy],
      [
        { status: 'reviewed', workflowCode: 'subsidy', workflowVersion: 2 },
        { status: 'adopted', workflowCode: 'subsidy', workflowVersion: 1 },
      ],
    );
    expect(option(options, 'adopt')).toMatchObject({ eligible: 0, disabled: true });
    expect(option(options, 'reject')).toMatchObject({ eligible: 0, disabled: true });
  });

  it('disables nothing while some selected rows are not at hand (selected on another page)', () => {
    const options = bulkTransitionOptions([subsidy], [{ status: 'underReview', workflowCode: 'subsidy', workflowVersion: 1 }, undefined]);
    expect(option(options, 'adopt')).toMatchObject({ eligible: 0, known: 1, disabled: false });
  });

  it('disables nothing while the workflow definitions are still loading', () => {
    const options = bulkTransitionOptions([], [{ status: 'reviewed', workflowCode: 'subsidy', workflowVersion: 1 }]);
    expect(options.every((o) => !o.disabled)).toBe(true);
  });
});
