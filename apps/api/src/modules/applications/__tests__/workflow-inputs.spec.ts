import type { Round } from '../../rounds/round.entity';
import type { Application } from '../application.entity';
import { workflowInputsOf } from '../workflow-inputs';

const round = {
  opensAt: new Date('2026-01-01T00:00:00Z'),
  closesAt: new Date('2026-02-01T00:00:00Z'),
  graceMinutes: 0,
  announcementFrom: null,
} as unknown as Round;

describe('workflowInputsOf', () => {
  it('hands the guards the 不適 items of the 要件確認 as a person reads them, not by their codes', () => {
    const app = {
      status: 'formalCheck',
      workflowCode: 'subsidy',
      workflowVersion: 2,
      quotedAmount: '1000000',
      formalCheck: {
        passed: false,
        completed: true,
        failedItems: ['document.businessPlan', 'unknown.item'],
        items: [
          { code: 'document.businessPlan', label: '添付書類「事業計画書」', passed: false, comment: null },
          { code: 'eligibility.requirements', label: '適格性・申請要件', passed: true, comment: null },
        ],
      },
    } as unknown as Application;
    const { snapshot } = workflowInputsOf(app, round, null, { reviews: null, usage: { count: 0, amount: 0 } }, false);
    expect(snapshot.formalCheck).toMatchObject({ passed: false, completed: true, failedItems: ['添付書類「事業計画書」', 'unknown.item'] });
    const unchecked = workflowInputsOf({ ...app, formalCheck: null } as Application, round, null, { reviews: null, usage: { count: 0, amount: 0 } }, false);
    expect(unchecked.snapshot.formalCheck).toBeNull();
  });
});
