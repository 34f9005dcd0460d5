import { decide, formalCheck, jstAt, review, spread } from './demo-applications.seed';
import { DAY, type Family } from './demo-family';
import { payInStory } from './demo-payments';
import { afterPayment, postAwardPaths, yearlyReports } from './demo-post-award';
import { monozukuriApplicant } from './demo-programme-applicants';
import { asUser } from './demo-services';

/** The steps from 交付申請 to 額の確定, one every three weeks (postAwardPaths). */
const TO_FIXED = ['grantApplication', 'decideGrant', 'performanceReport', 'startFinalInspection', 'inspect', 'fixAmount'];

/**
 * The demo rounds on subsidy@2, whose post-award half is reachable (docs/post-award.md), told through the services
 * staff and the portal use, as the other families' (demo-programmes.seed.ts):
 * - ものづくり 11次 (the 令和3年度補正 rule set starts at 10次), five years ago: two projects paid; one filed all five
 *   yearly 事業化状況報告 (報告期間終了), the other stopped after three (overdue, for the managers' list).
 * - ものづくり 13次: a project in each post-award state — 交付申請, 交付決定, 計画変更・事業廃止の申請, 事業廃止, 実績報告,
 *   確定検査, 額確定 waiting for the open batch, 支払済 by a paid batch, 概算払 paid and requested, 事業化状況報告中,
 *   交付決定取消 owing its 返還, 返還済.
 */
export const POST_AWARD_FAMILIES: Family[] = [
  {
    label: 'ものづくり 11次（事業化状況報告の5年間、subsidy@2）',
    round: (now) => ({
      ruleSet: 'monozukuri.r3-sup',
      workflowVersion: 2,
      code: 'monozukuri.round11',
      number: 11,
      name: '11次公募',
      receiptPrefix: 'MON11',
      opensAt: jstAt(now - 2110 * DAY, 10),
      closesAt: jstAt(now - 2060 * DAY, 17),
      announcement: { from: now - 2010 * DAY, to: now - 2010 * DAY, label: '採択発表済み' },
      correctionPeriodDays: 10,
    }),
    batches: [['monozukuri.standard', 4, (r, n, k) => monozukuriApplicant(r, n, k)]],
    async story({ ctx, round, ids, close }) {
      await formalCheck(ctx, round, ids, () => 'pass', {
        assignAt: close + DAY,
        dueAt: close + 14 * DAY,
        doneAt: (i, n) => spread(close + 2 * DAY, close + 12 * DAY, i, n),
      });
      await review(ctx, round, () => 'complete', {
        assignAt: close + 15 * DAY,
        dueAt: close + 35 * DAY,
        doneAt: (i, n) => spread(close + 16 * DAY, close + 33 * DAY, i, n),
      });
      const adopted = await ctx.clock.at(close + 45 * DAY, () => decide(ctx, round, close, 0, 0.75));
      await postAwardPaths(ctx, adopted, close + 70 * DAY, [TO_FIXED, TO_FIXED]);
      await payInStory(ctx, asUser(ctx.manager), round.id, adopted.slice(0, 2), close + 70 * DAY + 6 * 21 * DAY);
      // five years on: one filed every yearly report (報告期間終了), the other stopped after three (two overdue)
      await yearlyReports(ctx, adopted[0], 5);
      await yearlyReports(ctx, adopted[1], 3);
    },
  },
  {
    label: 'ものづくり 13次（交付後の流れ、subsidy@2）',
    round: (now) => ({
      ruleSet: 'monozukuri.r3-sup',
      workflowVersion: 2,
      advancePaymentAllowed: true,
      code: 'monozukuri.round13',
      number: 13,
      name: '13次公募',
      receiptPrefix: 'MON13',
      opensAt: jstAt(now - 300 * DAY, 10),
      closesAt: jstAt(now - 250 * DAY, 17),
      announcement: { from: now - 200 * DAY, to: now - 200 * DAY, label: '採択発表済み' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['monozukuri.standard', 11, (r, n, k) => monozukuriApplicant(r, n, k)],
      ['monozukuri.digital', 6, (r, n, k) => monozukuriApplicant(r, n, k + 1)],
    ],
    async story({ ctx, round, ids, now, close }) {
      await formalCheck(ctx, round, ids, () => 'pass', {
        assignAt: close + DAY,
        dueAt: close + 14 * DAY,
        doneAt: (i, n) => spread(close + 2 * DAY, close + 12 * DAY, i, n),
      });
      await review(ctx, round, () => 'complete', {
        assignAt: close + 15 * DAY,
        dueAt: close + 35 * DAY,
        doneAt: (i, n) => spread(close + 16 * DAY, close + 33 * DAY, i, n),
      });
      // all are adopted: the post-award half needs projects in each of its states
      const adopted = await ctx.clock.at(close + 45 * DAY, () => decide(ctx, round, close, 0, 1));
      await postAwardPaths(ctx, adopted, close + 70 * DAY, [
        TO_FIXED,
        TO_FIXED,
        ...[0, 1, 2, 3].map(() => TO_FIXED),
        ['grantApplication', 'decideGrant', 'performanceReport', 'startFinalInspection'],
        ['grantApplication', 'decideGrant', 'performanceReport'],
        ['grantApplication', 'decideGrant', 'planChange'],
        ['grantApplication', 'decideGrant', 'abandonment'],
        ['grantApplication', 'decideGrant', 'abandonment', 'approveAbandonment'],
        ['grantApplication', 'decideGrant'],
        ['grantApplication'],
        // 概算払 (the round allows it): one requested and paid, the project going on; one awaiting the open batch
        ['grantApplication', 'decideGrant', 'advancePayment'],
        ['grantApplication', 'decideGrant', 'advancePayment'],
      ]);
      if (adopted[13]) await payInStory(ctx, asUser(ctx.manager), round.id, [adopted[13]], close + 70 * DAY + 3 * 21 * DAY);
      // one spent everything before its end and asked it all in advance: its 額の確定 settles it, nothing left to pay
      const settled = adopted[15];
      if (settled) {
        await postAwardPaths(ctx, [settled], close + 70 * DAY, [['grantApplication', 'decideGrant', 'advancePaymentInFull']]);
        await payInStory(ctx, asUser(ctx.manager), round.id, [settled], close + 70 * DAY + 3 * 21 * DAY);
        const afterAdvance = [['performanceReport', 'startFinalInspection', 'inspectAsReported', 'fixAmount']];
        await postAwardPaths(ctx, [settled], close + 70 * DAY + 4 * 21 * DAY, afterAdvance);
      }
      // one asked it all in advance too, but its 確定検査 accepted half: the 額の確定 claims the excess back (返還請求中)
      const overpaid = adopted[16];
      if (overpaid) {
        await postAwardPaths(ctx, [overpaid], close + 70 * DAY, [['grantApplication', 'decideGrant', 'advancePaymentInFull']]);
        await payInStory(ctx, asUser(ctx.manager), round.id, [overpaid], close + 70 * DAY + 3 * 21 * DAY);
        const cut = [['performanceReport', 'startFinalInspection', 'inspectHalf', 'fixAmount']];
        await postAwardPaths(ctx, [overpaid], close + 70 * DAY + 4 * 21 * DAY, cut);
      }
      // the first two 額確定 wait for the open batch (demo-payment-batches.seed.ts); four were paid three weeks after
      // their 額の確定, and since then one filed its first 事業化状況報告, one had its grant revoked and owes the 返還,
      // one has repaid it in full
      const [reporting, , owing, repaid] = adopted.slice(2, 6);
      await payInStory(ctx, asUser(ctx.manager), round.id, adopted.slice(2, 6), close + 70 * DAY + 6 * 21 * DAY);
      await afterPayment(ctx, { reporting, owing, repaid }, now);
    },
  },
];
