// Whole lives of applications, walked through decide() on a realistic calendar: each step must be
// accepted, and the walk must end in a terminal state with the stamps a secretariat expects. subsidy@2's
// post-award half is walks-subsidy-v2.spec.ts.
import type { ApplicationSnapshot, WorkflowContext } from '../engine/context';
import { availableTransitions, decide } from '../engine/decide';
import type { Role, WorkflowDefinition } from '../engine/definition';
import { BENEFIT_V1, IT_SUBSIDY_V1, SUBSIDY_V1 } from './index';
import { FIELDS, jst, ROUND, walk, type Step } from '../__tests__/walk';

describe('subsidy@1 walks', () => {
  it('happy path: from draft to the 事業化状況報告', () => {
    const { final, app, path, decisions } = walk(SUBSIDY_V1, [
      ['submit', 'applicant', '2024-02-20T15:00'],
      ['startFormalCheck', 'system', '2024-03-02T09:00'],
      ['passFormalCheck', 'reviewer', '2024-03-05T11:00'],
      ['completeReview', 'system', '2024-04-01T09:00'],
      ['adopt', 'manager', '2024-04-20T14:00'],
      ['applyForGrant', 'applicant', '2024-05-10T10:00'],
      ['decideGrant', 'manager', '2024-06-03T10:00'],
      ['reportPerformance', 'applicant', '2025-01-31T16:00'],
      ['startFinalInspection', 'reviewer', '2025-02-10T10:00'],
      ['fixAmount', 'manager', '2025-03-03T10:00'],
      ['pay', 'system', '2025-03-21T09:00'],
      ['reportCommercialization', 'applicant', '2026-04-30T12:00'],
    ]);
    expect(path).toEqual([
      'submitted',
      'formalCheck',
      'underReview',
      'reviewed',
      'adopted',
      'grantApplied',
      'grantDecided',
      'performanceReported',
      'finalInspection',
      'amountFixed',
      'paid',
      'commercializationReported',
    ]);
    expect(final.kind).toBe('terminal');
    expect(app.submittedAt).toEqual(jst('2024-02-20T15:00'));
    expect(app.decidedAt).toEqual(jst('2024-04-20T14:00'));
    expect(app.paidAt).toEqual(jst('2025-03-21T09:00'));
    // The adoption notice waits for the 採択発表; the grant decision notice goes at once.
    expect(decisions[4]!.notifications).toEqual([{ template: 'adopted', heldUntilAnnouncement: true, sendAfter: jst('2024-05-01T10:00') }]);
    expect(decisions[6]!.notifications).toEqual([{ template: 'grantDecided', heldUntilAnnouncement: false }]);
  });

  it('a returned application is corrected, waitlisted, then adopted when a slot frees', () => {
    const { path } = walk(SUBSIDY_V1, [
      ['submit', 'intake', '2024-03-01T17:59'],
      ['startFormalCheck', 'reviewer', '2024-03-04T09:00'],
      ['returnForCorrection', 'reviewer', '2024-03-05T09:00'],
      ['resubmit', 'applicant', '2024-03-15T09:00'],
      ['startFormalCheck', 'system', '2024-03-16T09:00'],
      ['passFormalCheck', 'reviewer', '2024-03-18T09:00'],
      ['completeReview', 'manager', '2024-04-01T09:00'],
      ['waitlist', 'manager', '2024-04-20T09:00'],
      ['promoteFromWaitlist', 'system', '2024-06-01T09:00'],
      ['applyForGrant', 'applicant', '2024-06-10T09:00'],
      ['withdraw', 'applicant', '2024-06-20T09:00'],
    ]);
    expect(path).toEqual([
      'submitted',
      'formalCheck',
      'returned',
      'resubmitted',
      'formalCheck',
      'underReview',
      'reviewed',
      'waitlisted',
      'adopted',
      'grantApplied',
      'withdrawn',
    ]);
  });

  it.each<[string, Step[], string]>([
    [
      'rejected after review',
      [
        ['submit', 'applicant', '2024-02-01T09:00'],
        ['startFormalCheck', 'system', '2024-03-02T09:00'],
        ['passFormalCheck', 'reviewer', '2024-03-03T09:00'],
        ['completeReview', 'system', '2024-04-01T09:00'],
        ['reject', 'manager', '2024-04-20T09:00'],
      ],
      'rejected',
    ],
    [
      'waitlist closed at the end',
      [
        ['submit', 'applicant', '2024-02-01T09:00'],
        ['startFormalCheck', 'system', '2024-03-02T09:00'],
        ['passFormalCheck', 'reviewer', '2024-03-03T09:00'],
        ['completeReview', 'system', '2024-04-01T09:00'],
        ['waitlist', 'manager', '2024-04-20T09:00'],
        ['closeWaitlist', 'system', '2024-09-30T18:00'],
      ],
      'rejected',
    ],
    [
      'ineligible at the formal check',
      [
        ['submit', 'applicant', '2024-02-01T09:00'],
        ['startFormalCheck', 'system', '2024-03-02T09:00'],
        ['markIneligible', 'reviewer', '2024-03-03T09:00'],
      ],
      'ineligible',
    ],
    [
      'closed when the correction deadline passes',
      [
        ['submit', 'applicant', '2024-02-01T09:00'],
        ['startFormalCheck', 'system', '2024-03-02T09:00'],
        ['returnForCorrection', 'reviewer', '2024-03-03T09:00'],
        ['closeUncorrected', 'system', '2024-03-22T17:00:01'],
      ],
      'ineligible',
    ],
    ['withdrawn as a draft', [['withdraw', 'applicant', '2024-02-01T09:00']], 'withdrawn'],
  ])('ends %s', (_name, steps, terminal) => {
    const { final } = walk(SUBSIDY_V1, steps);
    expect([final.code, final.kind]).toEqual([terminal, 'terminal']);
  });

  it('a late resubmission is refused once the correction deadline has passed, its stated second too', () => {
    const returned: Step[] = [
      ['submit', 'applicant', '2024-02-01T09:00'],
      ['startFormalCheck', 'system', '2024-03-02T09:00'],
      ['returnForCorrection', 'reviewer', '2024-03-03T09:00'],
    ];
    // the 補正期限 is shown as 17:00:00: that second still counts, and the case is not closed during it
    expect(walk(SUBSIDY_V1, [...returned, ['resubmit', 'applicant', '2024-03-22T17:00:00.999']]).final.code).toBe('resubmitted');
    expect(() => walk(SUBSIDY_V1, [...returned, ['closeUncorrected', 'system', '2024-03-22T17:00:00.999']])).toThrow('がまだ到来していません');
    expect(() => walk(SUBSIDY_V1, [...returned, ['resubmit', 'applicant', '2024-03-22T17:00:01']])).toThrow(
      'resubmit by applicant at 2024-03-22T17:00:01 from returned: GUARD_FAILED 補正期限（2024年3月22日(金) 17:00:00）を過ぎているため、再提出できません。',
    );
  });
});

describe('benefit@1 walks', () => {
  const DECIDED: Step[] = [
    ['confirmPreCheck', 'system', '2024-02-01T09:00'],
    ['submit', 'applicant', '2024-02-05T21:00'],
    ['startReview', 'system', '2024-02-06T09:00'],
    ['markDeficient', 'reviewer', '2024-02-07T09:00'],
    ['resubmit', 'applicant', '2024-02-10T09:00'],
    ['startReview', 'system', '2024-02-11T09:00'],
    ['decideBenefit', 'manager', '2024-02-20T09:00'],
  ];

  it('happy path: 申請ID発行 → 事前確認 → 申請 → 不備 → 再提出 → 給付決定 → 振込完了', () => {
    // the 振込完了 is recorded by the confirmed payment batch that transferred it (guard paidByBatch)
    const { final, path, app } = walk(
      BENEFIT_V1,
      [...DECIDED, ['recordTransfer', 'system', '2024-02-27T15:00']],
      {},
      { ...ROUND, payment: { batchId: 'batch-1' } },
    );
    expect(path).toEqual(['preChecked', 'submitted', 'underReview', 'deficient', 'resubmitted', 'underReview', 'benefitDecided', 'transferred']);
    expect(final.kind).toBe('terminal');
    expect(app.paidAt).toEqual(jst('2024-02-27T15:00'));
  });

  it('a 振込完了 without a payment batch is refused (a bare transition)', () => {
    expect(() => walk(BENEFIT_V1, [...DECIDED, ['recordTransfer', 'manager', '2024-02-27T15:00']])).toThrow(
      'recordTransfer by manager at 2024-02-27T15:00 from benefitDecided: GUARD_FAILED',
    );
  });

  it('an earlier recipient skips the 事前確認, and a refusal ends in 不給付', () => {
    const { final } = walk(
      BENEFIT_V1,
      [
        ['waivePreCheck', 'system', '2024-02-01T09:00'],
        ['submit', 'applicant', '2024-02-05T21:00'],
        ['startReview', 'reviewer', '2024-02-06T09:00'],
        ['refuseBenefit', 'manager', '2024-02-20T09:00'],
      ],
      { previousRecipient: true },
    );
    expect([final.code, final.kind]).toEqual(['notGranted', 'terminal']);
  });

  it.each<[string, Partial<ApplicationSnapshot>, string]>([
    ['not done', { formalCheck: null }, '要件確認が完了していません。'],
    ['saved, not completed', { formalCheck: { passed: false, completed: false } }, '要件確認が完了していません。'],
    // a 再提出 reopens a completed check (reopensFormalCheck): the 適 of the corrected-away 申請 does not count
    ['reopened by the 再提出', { formalCheck: { passed: true, completed: false } }, '要件確認が完了していません。'],
    ['not passed', { formalCheck: { passed: false, completed: true, failedItems: ['売上高減少要件'] } }, '要件確認で不適合の項目があります：売上高減少要件。'],
  ])('the 審査 does not start before the 要件確認 passed (%s), as the subsidies’ passFormalCheck', (_name, fields, message) => {
    const filed: Step[] = [
      ['confirmPreCheck', 'system', '2024-02-01T09:00'],
      ['submit', 'applicant', '2024-02-05T21:00'],
    ];
    for (const role of ['reviewer', 'system'] as const) {
      expect(() => walk(BENEFIT_V1, [...filed, ['startReview', role, '2024-02-06T09:00']], fields)).toThrow(
        `startReview by ${role} at 2024-02-06T09:00 from submitted: GUARD_FAILED ${message}`,
      );
    }
  });

  it('the 要件確認 on the filed 申請: 不備 straight from it, and a 不備 left past its 補正期限 is closed as 不給付', () => {
    const { final, path } = walk(
      BENEFIT_V1,
      [
        ['confirmPreCheck', 'system', '2024-02-01T09:00'],
        ['submit', 'applicant', '2024-02-05T21:00'],
        // formalCheck.return: the checklist's 不適 on the 申請 as filed
        ['markDeficient', 'reviewer', '2024-02-06T09:00'],
        ['closeUncorrected', 'system', '2024-03-22T17:00:01'],
      ],
      {},
    );
    expect(path).toEqual(['preChecked', 'submitted', 'deficient', 'notGranted']);
    expect([final.code, final.kind]).toEqual(['notGranted', 'terminal']);
  });
});

describe('itSubsidy@1 walks', () => {
  // the API's post-award routes compute the 交付決定額 and the 確定額, and a confirmed payment batch records the 支払
  const WITH_AMOUNT: WorkflowContext = { ...ROUND, amount: { computed: 1_388_888 }, payment: { batchId: 'batch-1' } };

  it('the 交付決定 waits for the 要件確認: refused before, accepted once the checklist recorded 適', () => {
    const steps: Step[] = [
      ['applyForGrant', 'intake', '2024-02-15T12:00'],
      ['decideGrant', 'manager', '2024-04-25T09:00'],
    ];
    expect(() => walk(IT_SUBSIDY_V1, steps, { formalCheck: null }, WITH_AMOUNT)).toThrow(/GUARD_FAILED 要件確認が完了していません/);
    expect(() => walk(IT_SUBSIDY_V1, steps, { formalCheck: { passed: false, failedItems: ['document.businessPlan'] } }, WITH_AMOUNT)).toThrow(
      /document\.businessPlan/,
    );
    expect(walk(IT_SUBSIDY_V1, steps, { formalCheck: { passed: true } }, WITH_AMOUNT).path).toEqual(['grantApplied', 'grantDecided']);
  });

  it.each<[string, Step, RegExp]>([
    ['a 交付決定 without the amount the rules computed', ['decideGrant', 'manager', '2024-04-25T09:00'], /AMOUNT_NOT_COMPUTED/],
    ['a 額の確定 without the amount the rules computed', ['fixAmount', 'manager', '2024-12-02T09:00'], /AMOUNT_NOT_COMPUTED/],
    ['a 支払 outside a confirmed payment batch', ['pay', 'manager', '2024-12-20T09:00'], /PAYMENT_NOT_BY_BATCH/],
  ])('the bare transition is refused: %s', (_rule, bare, refusal) => {
    const before: Step[] = [
      ['applyForGrant', 'applicant', '2024-02-15T12:00'],
      ['decideGrant', 'manager', '2024-04-25T09:00'],
      ['reportPerformance', 'applicant', '2024-10-31T09:00'],
      ['fixAmount', 'manager', '2024-12-02T09:00'],
      ['pay', 'manager', '2024-12-20T09:00'],
    ];
    const { app } = walk(
      IT_SUBSIDY_V1,
      before.slice(
        0,
        before.findIndex((s) => s[0] === bare[0]),
      ),
      {},
      WITH_AMOUNT,
    );
    const [transition, role, when] = bare;
    const refused = decide(IT_SUBSIDY_V1, app, { transition }, { role, id: `${role}-1` }, jst(when), ROUND);
    expect(refused).toMatchObject({ ok: false });
    expect(JSON.stringify(refused)).toMatch(refusal);
    // the same step with what the API's routes hand it is accepted
    expect(decide(IT_SUBSIDY_V1, app, { transition }, { role, id: `${role}-1` }, jst(when), WITH_AMOUNT)).toMatchObject({ ok: true });
  });

  it('happy path: 交付申請 → 差戻し → 再提出 → 交付決定 → 実績報告 → 額確定 → 支払 → 効果報告', () => {
    const { final, path, decisions } = walk(
      IT_SUBSIDY_V1,
      [
        ['applyForGrant', 'applicant', '2024-02-15T12:00'],
        ['returnForCorrection', 'reviewer', '2024-03-04T09:00'],
        ['resubmit', 'applicant', '2024-03-08T09:00'],
        ['decideGrant', 'manager', '2024-04-25T09:00'],
        ['reportPerformance', 'applicant', '2024-10-31T09:00'],
        ['fixAmount', 'manager', '2024-12-02T09:00'],
        ['pay', 'system', '2024-12-20T09:00'],
        ['reportEffect', 'applicant', '2025-07-31T09:00'],
      ],
      {},
      WITH_AMOUNT,
    );
    expect(path).toEqual(['grantApplied', 'returned', 'resubmitted', 'grantDecided', 'performanceReported', 'amountFixed', 'paid', 'effectReported']);
    expect(final.kind).toBe('terminal');
    expect(Object.keys(decisions[0]!.stamps)).toEqual(['submittedAt', 'grantAppliedAt']);
  });
});

describe('availableTransitions on the real flows', () => {
  const app = (definition: WorkflowDefinition, status: string, fields: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot => ({
    ...FIELDS,
    ...fields,
    status,
    workflowVersion: definition.version,
    workflowCode: definition.code,
  });
  const names = (definition: WorkflowDefinition, status: string, role: Role, when: string, fields = {}, context = ROUND) =>
    availableTransitions(definition, app(definition, status, fields), { role, id: 'u' }, jst(when), context).map((t) => t.name);

  it.each<[string, WorkflowDefinition, string, Role, string, Partial<ApplicationSnapshot>, WorkflowContext, string[]]>([
    ['applicant, draft, round open', SUBSIDY_V1, 'draft', 'applicant', '2024-02-01T09:00', {}, ROUND, ['submit', 'withdraw']],
    ['applicant, draft, round closed', SUBSIDY_V1, 'draft', 'applicant', '2024-03-01T18:00', {}, ROUND, ['withdraw']],
    [
      'reviewer, formal check passed',
      SUBSIDY_V1,
      'formalCheck',
      'reviewer',
      '2024-03-05T09:00',
      {},
      ROUND,
      ['returnForCorrection', 'passFormalCheck', 'markIneligible'],
    ],
    [
      'reviewer, formal check failed',
      SUBSIDY_V1,
      'formalCheck',
      'reviewer',
      '2024-03-05T09:00',
      { formalCheck: { passed: false } },
      ROUND,
      ['returnForCorrection', 'markIneligible'],
    ],
    ['manager, reviewed, slots left', SUBSIDY_V1, 'reviewed', 'manager', '2024-04-20T09:00', {}, ROUND, ['adopt', 'reject', 'waitlist']],
    [
      'manager, reviewed, slots full',
      SUBSIDY_V1,
      'reviewed',
      'manager',
      '2024-04-20T09:00',
      {},
      { ...ROUND, slots: { capacity: 5, used: 5 } },
      ['reject', 'waitlist'],
    ],
    ['applicant, adopted, before the announcement', SUBSIDY_V1, 'adopted', 'applicant', '2024-04-30T09:00', {}, ROUND, ['withdraw']],
    ['applicant, adopted, after the announcement', SUBSIDY_V1, 'adopted', 'applicant', '2024-05-01T10:00', {}, ROUND, ['applyForGrant', 'withdraw']],
    ['auditor, anywhere', SUBSIDY_V1, 'reviewed', 'auditor', '2024-04-20T09:00', {}, ROUND, []],
    ['admin fires no business transition', SUBSIDY_V1, 'reviewed', 'admin', '2024-04-20T09:00', {}, ROUND, []],
    ['applicant, terminal', SUBSIDY_V1, 'rejected', 'applicant', '2024-05-20T09:00', {}, ROUND, []],
    [
      'system, benefit, idIssued, earlier recipient',
      BENEFIT_V1,
      'idIssued',
      'system',
      '2024-02-01T09:00',
      { previousRecipient: true },
      ROUND,
      ['confirmPreCheck', 'waivePreCheck'],
    ],
    ['system, benefit, idIssued, new applicant', BENEFIT_V1, 'idIssued', 'system', '2024-02-01T09:00', {}, ROUND, ['confirmPreCheck']],
    [
      'manager, IT, resubmitted, the 交付決定額 computed',
      IT_SUBSIDY_V1,
      'resubmitted',
      'manager',
      '2024-04-01T09:00',
      {},
      { ...ROUND, amount: { computed: 1 } },
      ['decideGrant', 'refuseGrant'],
    ],
    ['manager, IT, resubmitted, a bare 交付決定', IT_SUBSIDY_V1, 'resubmitted', 'manager', '2024-04-01T09:00', {}, ROUND, ['refuseGrant']],
    ['manager, IT, 交付申請 not yet checked', IT_SUBSIDY_V1, 'grantApplied', 'manager', '2024-04-01T09:00', { formalCheck: null }, ROUND, ['refuseGrant']],
    ['reviewer, IT, 交付申請 (the checker)', IT_SUBSIDY_V1, 'grantApplied', 'reviewer', '2024-03-04T09:00', {}, ROUND, ['returnForCorrection']],
    ['reviewer, benefit, filed (the checker)', BENEFIT_V1, 'submitted', 'reviewer', '2024-02-06T09:00', {}, ROUND, ['startReview', 'markDeficient']],
  ])('%s', (_name, definition, status, role, when, fields, context, expected) => {
    expect(names(definition, status, role, when, fields, context)).toEqual(expected);
  });
});
