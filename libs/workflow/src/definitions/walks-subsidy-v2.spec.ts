// subsidy@2's post-award half walked through decide() (docs/post-award.md): 計画変更, 事業廃止, 概算払, the yearly
// 事業化状況報告, 交付決定取消 and 返還, and v1 left as it was.
import type { WorkflowContext } from '../engine/context';
import { SUBSIDY_V1, SUBSIDY_V2 } from './index';
import { jst, ROUND, walk, type Step } from '../__tests__/walk';

describe('subsidy@2 walks (the post-award flow, docs/post-award.md)', () => {
  // the API's post-award routes compute the 交付決定額 and the 確定額 and hand them to the event
  // (and a confirmed payment batch records the 支払: guard paidByBatch)
  const WITH_AMOUNT: WorkflowContext = { ...ROUND, amount: { computed: 12_000_000 }, payment: { batchId: 'batch-1' } };
  const walk2 = (steps: Step[]) => walk(SUBSIDY_V2, steps, {}, WITH_AMOUNT);
  const ADOPTED: Step[] = [
    ['submit', 'applicant', '2024-02-20T15:00'],
    ['startFormalCheck', 'system', '2024-03-02T09:00'],
    ['passFormalCheck', 'reviewer', '2024-03-05T11:00'],
    ['completeReview', 'system', '2024-04-01T09:00'],
    ['adopt', 'manager', '2024-04-20T14:00'],
    ['applyForGrant', 'applicant', '2024-05-10T10:00'],
    ['decideGrant', 'manager', '2024-06-03T10:00'],
  ];

  it('tells the applicant of a 額確定 that the secretariat pays (a batch), not to file a 精算払請求 as v1 does', () => {
    const next = (d: typeof SUBSIDY_V1) => d.states.find((x) => x.code === 'amountFixed')!.applicant!.next;
    expect(next(SUBSIDY_V2)).toContain('事務局がお振り込みします');
    expect(next(SUBSIDY_V2)).not.toContain('精算払請求');
    expect(next(SUBSIDY_V1)).toContain('精算払請求');
  });

  it('happy path: a 計画変更 approved, then 実績報告 → 確定検査 → 額の確定 → 支払 → five yearly 事業化状況報告 → 報告期間終了', () => {
    const { final, path, app, decisions } = walk2([
      ...ADOPTED,
      ['requestPlanChange', 'applicant', '2024-08-01T10:00'],
      ['approvePlanChange', 'manager', '2024-08-10T10:00'],
      ['reportPerformance', 'applicant', '2025-01-31T16:00'],
      ['startFinalInspection', 'reviewer', '2025-02-10T10:00'],
      ['fixAmount', 'manager', '2025-03-03T10:00'],
      ['pay', 'system', '2025-03-21T09:00'],
      ['reportCommercialization', 'applicant', '2026-04-30T12:00'],
      ['reportCommercialization', 'intake', '2027-04-28T12:00'],
      ['reportCommercialization', 'applicant', '2028-04-27T12:00'],
      ['reportCommercialization', 'applicant', '2029-04-26T12:00'],
      ['reportCommercialization', 'applicant', '2030-04-25T12:00'],
      ['closeCommercializationReporting', 'system', '2030-06-01T09:00'],
    ]);
    expect(path.slice(6)).toEqual([
      'grantDecided',
      'planChangeRequested',
      'grantDecided',
      'performanceReported',
      'finalInspection',
      'amountFixed',
      'paid',
      'commercializationReporting',
      'commercializationReporting',
      'commercializationReporting',
      'commercializationReporting',
      'commercializationReporting',
      'reportingCompleted',
    ]);
    expect([final.code, final.kind]).toEqual(['reportingCompleted', 'terminal']);
    // each yearly report stamps its date over the last one (the audit log keeps every one)
    expect(app.commercializationReportedAt).toEqual(jst('2030-04-25T12:00'));
    expect(decisions[13]!.notifications).toEqual([{ template: 'commercializationReportReceived', heldUntilAnnouncement: false }]);
  });

  it.each<[string, Step[], string]>([
    [
      '事業廃止 approved ends the project',
      [...ADOPTED, ['requestAbandonment', 'applicant', '2024-09-01T10:00'], ['approveAbandonment', 'manager', '2024-09-10T10:00']],
      'abandoned',
    ],
    [
      '事業廃止 requested while a 計画変更 is pending',
      [
        ...ADOPTED,
        ['requestPlanChange', 'intake', '2024-08-01T10:00'],
        ['requestAbandonment', 'intake', '2024-08-20T10:00'],
        ['approveAbandonment', 'manager', '2024-09-10T10:00'],
      ],
      'abandoned',
    ],
    [
      '交付決定取消 after payment leads to 返還, and the repayment closes it',
      [
        ...ADOPTED,
        ['reportPerformance', 'applicant', '2025-01-31T16:00'],
        ['startFinalInspection', 'manager', '2025-02-10T10:00'],
        ['fixAmount', 'manager', '2025-03-03T10:00'],
        ['pay', 'manager', '2025-03-21T09:00'],
        ['revokeGrant', 'manager', '2026-05-01T10:00'],
        ['recordRepayment', 'manager', '2026-06-30T10:00'],
      ],
      'repaid',
    ],
    ['取下げ before 交付決定, as in v1', [...ADOPTED.slice(0, 6), ['withdraw', 'applicant', '2024-05-20T10:00']], 'withdrawn'],
  ])('%s', (_name, steps, terminal) => {
    const { final } = walk2(steps);
    expect([final.code, final.kind]).toEqual([terminal, 'terminal']);
  });

  it('概算払: requested with its amount, paid by a batch (or refused), and the project goes on under its 交付決定', () => {
    const { path, decisions } = walk2([
      ...ADOPTED,
      ['requestAdvancePayment', 'intake', '2024-09-02T10:00'],
      ['payAdvance', 'manager', '2024-09-20T15:00'],
      ['requestAdvancePayment', 'applicant', '2024-11-01T10:00'],
      ['refuseAdvancePayment', 'manager', '2024-11-10T10:00'],
      ['reportPerformance', 'applicant', '2025-01-31T16:00'],
    ]);
    expect(path.slice(-5)).toEqual(['advancePaymentRequested', 'grantDecided', 'advancePaymentRequested', 'grantDecided', 'performanceReported']);
    expect(decisions.slice(-5, -1).map((d) => d.notifications[0]?.template)).toEqual([
      'advancePaymentRequestReceived',
      'advancePaid',
      'advancePaymentRequestReceived',
      'advancePaymentRefused',
    ]);
    // the request carries the amount the rules computed, the payment the batch: bare, each is refused
    expect(() => walk(SUBSIDY_V2, [...ADOPTED, ['requestAdvancePayment', 'intake', '2024-09-02T10:00']])).toThrow('GUARD_FAILED');
    expect(() =>
      walk(
        SUBSIDY_V2,
        [...ADOPTED, ['requestAdvancePayment', 'intake', '2024-09-02T10:00'], ['payAdvance', 'manager', '2024-09-20T15:00']],
        {},
        { ...ROUND, amount: { computed: 12_000_000 } },
      ),
    ).toThrow('payAdvance by manager at 2024-09-20T15:00 from advancePaymentRequested: GUARD_FAILED');
  });

  it('事業廃止 after a 概算払 was paid: its approval is refused, and the 交付決定取消 that claims it back goes through', () => {
    const abandoning: Step[] = [
      ...ADOPTED,
      ['requestAdvancePayment', 'intake', '2024-09-02T10:00'],
      ['payAdvance', 'system', '2024-09-20T15:00'],
      ['requestAbandonment', 'applicant', '2024-10-01T10:00'],
    ];
    const paid = { advancePaid: 7_500_000 };
    expect(() => walk(SUBSIDY_V2, [...abandoning, ['approveAbandonment', 'manager', '2024-10-10T10:00']], paid, WITH_AMOUNT)).toThrow(
      'approveAbandonment by manager at 2024-10-10T10:00 from abandonmentRequested: GUARD_FAILED',
    );
    const { final } = walk(SUBSIDY_V2, [...abandoning, ['revokeGrant', 'manager', '2024-10-10T10:00']], paid, WITH_AMOUNT);
    expect(final.code).toBe('grantRevoked');
  });

  it('a refused 計画変更 or 事業廃止 returns to the project under its 交付決定', () => {
    const { path } = walk2([
      ...ADOPTED,
      ['requestPlanChange', 'applicant', '2024-08-01T10:00'],
      ['refusePlanChange', 'manager', '2024-08-10T10:00'],
      ['requestAbandonment', 'applicant', '2024-09-01T10:00'],
      ['refuseAbandonment', 'manager', '2024-09-10T10:00'],
      ['reportPerformance', 'applicant', '2025-01-31T16:00'],
    ]);
    expect(path.slice(-5)).toEqual(['planChangeRequested', 'grantDecided', 'abandonmentRequested', 'grantDecided', 'performanceReported']);
  });

  it('after 交付決定 the project ends by 事業廃止, not by 取下げ', () => {
    expect(() => walk2([...ADOPTED, ['withdraw', 'applicant', '2024-07-01T10:00']])).toThrow(
      'withdraw by applicant at 2024-07-01T10:00 from grantDecided: NOT_ALLOWED_FROM_STATE',
    );
  });

  it('a 交付決定 without the amount the rules computed is refused (a bare transition)', () => {
    expect(() => walk(SUBSIDY_V2, ADOPTED)).toThrow('decideGrant by manager at 2024-06-03T10:00 from grantApplied: GUARD_FAILED');
  });

  it('a 支払 without a payment batch is refused (a bare transition)', () => {
    const done: Step[] = [
      ...ADOPTED,
      ['reportPerformance', 'applicant', '2025-01-31T16:00'],
      ['startFinalInspection', 'manager', '2025-02-10T10:00'],
      ['fixAmount', 'manager', '2025-03-03T10:00'],
    ];
    expect(() => walk(SUBSIDY_V2, [...done, ['pay', 'manager', '2025-03-21T09:00']], {}, { ...ROUND, amount: { computed: 12_000_000 } })).toThrow(
      'pay by manager at 2025-03-21T09:00 from amountFixed: GUARD_FAILED',
    );
  });

  it('the 交付申請 still waits for the 採択発表', () => {
    expect(() => walk2([...ADOPTED.slice(0, 5), ['applyForGrant', 'applicant', '2024-04-25T10:00']])).toThrow('GUARD_FAILED');
  });

  it('an application on v1 keeps v1: its one 事業化状況報告 ends it, and v2’s post-award steps are unknown to it', () => {
    const v1 = walk(SUBSIDY_V1, [
      ...ADOPTED,
      ['reportPerformance', 'applicant', '2025-01-31T16:00'],
      ['startFinalInspection', 'reviewer', '2025-02-10T10:00'],
      ['fixAmount', 'manager', '2025-03-03T10:00'],
      ['pay', 'system', '2025-03-21T09:00'],
      ['reportCommercialization', 'applicant', '2026-04-30T12:00'],
    ]);
    expect([v1.final.code, v1.final.kind]).toEqual(['commercializationReported', 'terminal']);
    expect(() => walk(SUBSIDY_V1, [...ADOPTED, ['requestPlanChange', 'applicant', '2024-08-01T10:00']])).toThrow('UNKNOWN_TRANSITION');
  });
});
