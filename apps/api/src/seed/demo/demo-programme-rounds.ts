// The families of the demo's other programmes (demo-programmes.seed.ts): for each, its round, the
// applications of each 類型 and the story the round has lived until today, told through the services staff use.
import { type CheckOutcome, decide, formalCheck, jstAt, review, spread } from './demo-applications.seed';
import { DAY, type Family, fire, grantPaths, HOUR, INTAKE } from './demo-family';
import { POST_AWARD_FAMILIES } from './demo-post-award-rounds';
import { asUser } from './demo-services';
import {
  BANKS,
  coexistenceApplicant,
  company,
  covidSales,
  dxCommunity,
  innovationApplicant,
  itApplicant,
  itGroupApplicant,
  LOW_INFECTION_PLANS,
  monozukuriApplicant,
  RESTRUCTURING_PLANS,
  successionApplicant,
  sustainabilityApplicant,
  yen,
} from './demo-programme-applicants';

/** the decided rounds' budget, as a share of what their applications ask: most are adopted (ものづくり adopts about half) */
const ADOPTED_SHARE = 0.6;

export const FAMILIES: Family[] = [
  {
    label: '事業再構築 第3回（令和2年度第3次補正）',
    round: (now) => ({
      // 第1回〜第5回 ran on 令和2年度第3次補正; until 第4回 with the first version of its plan-share rule (10% of sales)
      ruleSet: 'restructuring.r2-sup3',
      ruleSetVersion: 1,
      code: 'restructuring.round3',
      number: 3,
      name: '第3回公募',
      receiptPrefix: 'RES03',
      opensAt: jstAt(now - 330 * DAY, 10),
      closesAt: jstAt(now - 280 * DAY, 18),
      announcement: { from: now - 235 * DAY, to: now - 235 * DAY, label: '採択発表済み' },
      correctionPeriodDays: 10,
    }),
    batches: [
      [
        'restructuring.standard',
        7,
        (r, n, k) => {
          const employees = r.pick([15, 25, 40, 60, 90]);
          const machinery = yen(r, 1500, 4500);
          return {
            ...company(r, n, {
              industry: r.pick(['manufacturing', 'service'] as const),
              employees,
              capital: r.pick([10, 30, 50]) * 1_000_000,
              plan: RESTRUCTURING_PLANS[k % 4],
              advisor: true,
            }),
            expenses: [
              { expenseType: 'building', amount: yen(r, 300, 1500), description: '店舗・工場の改修' },
              { expenseType: 'machinery', amount: machinery, description: '新事業の設備' },
            ],
            monthlySales: covidSales(r),
            // a 金融機関 confirmed the plan too (required above 3,000万 of subsidy, financialInstitutionAbove30M)
            financialInstitution: { name: r.pick(BANKS) },
            claimedBonusItems: ['salesDeclineBonus', 'wageIncreaseBonus'].filter(() => r.next() < 0.4),
          };
        },
      ],
      [
        'restructuring.emergency',
        3,
        (r, n, k) => ({
          ...company(r, n, { industry: 'service', employees: r.pick([4, 12, 30]), capital: 10_000_000, plan: RESTRUCTURING_PLANS[(k + 2) % 4], advisor: true }),
          expenses: [{ expenseType: 'building', amount: yen(r, 300, 1200), description: '店舗の改装' }],
          monthlySales: covidSales(r),
          claimedBonusItems: [],
        }),
      ],
    ],
    async story({ ctx, round, ids, close, manager }) {
      await formalCheck(ctx, round, ids, (i) => (i === 6 ? 'ineligible' : 'pass'), {
        assignAt: close + DAY,
        dueAt: close + 12 * DAY,
        doneAt: (i, n) => spread(close + 2 * DAY, close + 10 * DAY, i, n),
      });
      await review(ctx, round, () => 'complete', {
        assignAt: close + 12 * DAY,
        dueAt: close + 30 * DAY,
        doneAt: (i, n) => spread(close + 13 * DAY, close + 28 * DAY, i, n),
      });
      const adopted = await ctx.clock.at(close + 38 * DAY, () => decide(ctx, round, close, 0, ADOPTED_SHARE));
      // the adopted went on through the grant: one paid, one reported, one decided, one applied
      await grantPaths(ctx, adopted, close + 60 * DAY, 25 * DAY, manager, [
        ['applyForGrant', 'decideGrant', 'reportPerformance', 'startFinalInspection', 'fixAmount', 'pay'],
        ['applyForGrant', 'decideGrant', 'reportPerformance'],
        ['applyForGrant', 'decideGrant'],
        ['applyForGrant'],
      ]);
    },
  },
  {
    label: 'ものづくり 14次',
    round: (now) => ({
      ruleSet: 'monozukuri.r3-sup',
      code: 'monozukuri.round14',
      number: 14,
      name: '14次公募',
      receiptPrefix: 'MON14',
      opensAt: jstAt(now - 110 * DAY, 10),
      closesAt: jstAt(now - 70 * DAY, 17),
      announcement: { from: now - 18 * DAY, to: now - 18 * DAY, label: '採択発表済み' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['monozukuri.standard', 4, (r, n, k) => monozukuriApplicant(r, n, k)],
      ['monozukuri.digital', 2, (r, n, k) => monozukuriApplicant(r, n, k + 1)],
      ['monozukuri.green', 2, (r, n) => monozukuriApplicant(r, n, 2)],
      // 回復型賃上げ・雇用拡大枠: loss-making in the previous year
      ['monozukuri.recoveryWageIncrease', 2, (r, n, k) => ({ ...monozukuriApplicant(r, n, k + 3), lossMaking: true })],
    ],
    async story({ ctx, round, ids, now, close, manager }) {
      await formalCheck(
        ctx,
        round,
        ids,
        (i) => (i === 4 ? 'ineligible' : 'pass'),
        { assignAt: close + DAY, dueAt: close + 14 * DAY, doneAt: (i, n) => spread(close + 2 * DAY, close + 12 * DAY, i, n) },
        '付加価値額の年率平均3%以上の増加目標が事業計画で確認できません。',
      );
      await review(ctx, round, () => 'complete', {
        assignAt: close + 15 * DAY,
        dueAt: close + 35 * DAY,
        doneAt: (i, n) => spread(close + 16 * DAY, close + 33 * DAY, i, n),
      });
      const adopted = await ctx.clock.at(close + 45 * DAY, () => decide(ctx, round, close, 1, ADOPTED_SHARE));
      await grantPaths(ctx, adopted, now - 10 * DAY, 7 * DAY, manager, [['applyForGrant', 'decideGrant'], ['applyForGrant']]);
    },
  },
  // subsidy@2's post-award half: ものづくり 11次 (five years of reports) and 13次 (a project in each post-award state)
  ...POST_AWARD_FAMILIES,
  {
    label: '持続化 第13回',
    round: (now) => ({
      ruleSet: 'sustainability.r3-sup',
      // not 第12回: the admin tests find 事業再構築's open 第12回 by that name
      code: 'sustainability.round13',
      number: 13,
      name: '第13回公募',
      receiptPrefix: 'SUS13',
      opensAt: jstAt(now - 30 * DAY, 10),
      closesAt: jstAt(now + 25 * DAY, 17),
      announcement: { from: now + 80 * DAY, to: now + 90 * DAY, label: '締切の約2か月後（予定）' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['sustainability.standard', 4, (r, n, k) => sustainabilityApplicant(r, n, k, 60, 75)],
      // 成長・分配強化枠: a loss-making applicant gets 3/4
      ['sustainability.growthDistribution', 3, (r, n, k) => ({ ...sustainabilityApplicant(r, n, k + 1, 120, 260), lossMaking: k === 0 })],
      ['sustainability.invoice', 2, (r, n, k) => sustainabilityApplicant(r, n, k + 2, 90, 150)],
      ['sustainability.renewal', 1, (r, n) => sustainabilityApplicant(r, n, 0, 150, 300)],
    ],
    async story({ ctx, round, ids, now }) {
      const outcomes: CheckOutcome[] = ['pass', 'notStarted', 'return', 'inProgress', 'pass', 'return', 'notStarted', 'pass', 'notStarted'];
      await formalCheck(ctx, round, ids, (i) => outcomes[i % outcomes.length], {
        assignAt: now - 36 * HOUR,
        dueAt: now + 5 * DAY,
        doneAt: (i, n) => spread(now - 30 * HOUR, now - 6 * HOUR, i, n),
      });
      // the first one returned has already sent its corrected plan
      await ctx.clock.at(now - 3 * HOUR, () => ctx.services.transitions.fireIn(ctx.services.tx, ids[2], 'resubmit', INTAKE, {}));
    },
  },
  {
    label: '持続化 低感染リスク型ビジネス枠 第7回',
    round: (now) => ({
      ruleSet: 'sustainability.r2-sup3',
      code: 'sustainability.lowInfectionRisk.round7',
      number: 7,
      name: '低感染リスク型ビジネス枠 第7回受付締切',
      receiptPrefix: 'SUL07',
      opensAt: jstAt(now - 100 * DAY, 10),
      closesAt: jstAt(now - 60 * DAY, 17),
      announcement: { from: now - 12 * DAY, to: now - 12 * DAY, label: '採択発表済み' },
      correctionPeriodDays: 10,
    }),
    batches: [
      [
        'sustainability.lowInfectionRisk',
        7,
        (r, n, k) => {
          const declared = sustainabilityApplicant(r, n, k, 110, 150);
          // 感染防止対策費: within a quarter of the subsidy
          return {
            ...declared,
            planTitle: LOW_INFECTION_PLANS[k % 2][0],
            planSummary: LOW_INFECTION_PLANS[k % 2][1],
            expenses: [...declared.expenses, { expenseType: 'infectionPrevention', amount: yen(r, 5, 20), description: '換気設備・アクリル板' }],
          };
        },
      ],
    ],
    async story({ ctx, round, ids, now, close, manager }) {
      await formalCheck(
        ctx,
        round,
        ids,
        (i) => (i === 2 ? 'ineligible' : 'pass'),
        { assignAt: close + DAY, dueAt: close + 12 * DAY, doneAt: (i, n) => spread(close + 2 * DAY, close + 10 * DAY, i, n) },
        '対人接触の機会を減らす新たな取組（低感染リスク型ビジネス）が計画に含まれていません。',
      );
      await review(ctx, round, () => 'complete', {
        assignAt: close + 12 * DAY,
        dueAt: close + 32 * DAY,
        doneAt: (i, n) => spread(close + 13 * DAY, close + 30 * DAY, i, n),
      });
      const adopted = await ctx.clock.at(close + 40 * DAY, () => decide(ctx, round, close, 1, ADOPTED_SHARE));
      await grantPaths(ctx, adopted, now - 8 * DAY, DAY, manager, [['applyForGrant']]);
    },
  },
  {
    label: 'IT導入 5次締切',
    round: (now) => ({
      ruleSet: 'itIntroduction.r3-sup',
      code: 'itIntroduction.round5',
      number: 5,
      name: 'デジタル化基盤導入枠 5次締切',
      receiptPrefix: 'ITI05',
      opensAt: jstAt(now - 45 * DAY, 10),
      closesAt: jstAt(now - 15 * DAY, 17),
      announcement: { from: jstAt(now + 5 * DAY, 10), to: jstAt(now + 5 * DAY, 10), label: '交付決定日（予定）' },
      correctionPeriodDays: 14,
    }),
    batches: [
      ['itIntroduction.digitalBase', 7, (r, n, k) => itApplicant(r, n, k)],
      ['itIntroduction.multiCompany', 2, (r, n) => itGroupApplicant(r, n)],
    ],
    async story({ ctx, round, ids, now, close, manager }) {
      // in order of 受付: base, group, base, group, base, base, base, base, base
      const outcomes: CheckOutcome[] = ['pass', 'pass', 'return', 'notStarted', 'return', 'inProgress', 'pass', 'inProgress', 'notStarted'];
      await formalCheck(ctx, round, ids, (i) => outcomes[i], {
        assignAt: close + DAY,
        dueAt: close + 14 * DAY,
        doneAt: (i, n) => spread(close + 4 * DAY, close + 12 * DAY, i, n),
      });
      const at = (d: number) => now - d * DAY;
      await fire(ctx, ids[4], 'resubmit', INTAKE, at(1));
      await fire(ctx, ids[8], 'withdraw', INTAKE, at(1), 'ITツールの契約を見送ったため取り下げます。');
      // 交付決定 after a passed check, its 交付決定額 computed from the 交付申請 (the application) and the notice held until
      // the 交付決定日; one 交付申請 refused
      for (const i of [0, 1, 6]) await ctx.clock.at(at(2), () => ctx.services.postAward.decideGrant(asUser(ctx.manager), ids[i], {}));
      await fire(ctx, ids[7], 'refuseGrant', manager, at(2), '申請されたITツールは、事務局に登録されたITツールではありません。');
    },
  },
  {
    label: '地域DX促進 公募',
    round: (now) => ({
      ruleSet: 'regionalDx.r4',
      code: 'regionalDx.round2',
      number: 2,
      name: '第2回公募',
      receiptPrefix: 'RDX02',
      opensAt: jstAt(now - 60 * DAY, 10),
      closesAt: jstAt(now - 25 * DAY, 12),
      announcement: { from: now + 20 * DAY, to: now + 30 * DAY, label: '締切の約2か月後（予定）' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['regionalDx.typeA', 3, (r, n, k) => dxCommunity(r, n, k, 1)],
      ['regionalDx.typeB', 2, (r, n, k) => dxCommunity(r, n, k, 2)],
      ['regionalDx.typeC', 2, (r, n, k) => dxCommunity(r, n, k, 3 + k)],
    ],
    async story({ ctx, round, ids, now, close }) {
      const outcomes: CheckOutcome[] = ['pass', 'pass', 'ineligible', 'pass', 'notStarted', 'pass', 'pass'];
      await formalCheck(
        ctx,
        round,
        ids,
        (i) => outcomes[i],
        { assignAt: close + DAY, dueAt: close + 10 * DAY, doneAt: (i, n) => spread(close + 2 * DAY, close + 8 * DAY, i, n) },
        '地域DX推進コミュニティの構成員に地域の支援機関が含まれていません。',
      );
      await review(ctx, round, (i) => (i % 2 === 1 ? 'partial' : 'complete'), {
        assignAt: now - 14 * DAY,
        dueAt: now + 3 * DAY,
        doneAt: (i, n) => spread(now - 12 * DAY, now - 2 * DAY, i, n),
      });
      // the application checked last was sent back for a missing member list
      await formalCheck(ctx, round, ids, (i) => (i === 4 ? 'return' : 'notStarted'), {
        assignAt: now - DAY,
        dueAt: now + 5 * DAY,
        doneAt: () => now - 20 * HOUR,
      });
    },
  },
  {
    label: '地域デジタルイノベーション 公募',
    round: (now) => ({
      ruleSet: 'regionalDigitalInnovation.r4',
      code: 'regionalDigitalInnovation.round2',
      number: 2,
      name: '第2回公募',
      receiptPrefix: 'RDI02',
      opensAt: jstAt(now - 20 * DAY, 10),
      closesAt: jstAt(now + 18 * DAY, 17),
      announcement: { from: now + 60 * DAY, to: now + 70 * DAY, label: '締切の約1か月半後（予定）' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['regionalDigitalInnovation.sme', 5, (r, n, k) => innovationApplicant(r, n, k, 'sme')],
      ['regionalDigitalInnovation.nonSme', 2, (r, n, k) => innovationApplicant(r, n, k, 'nonSme')],
    ],
    async story({ ctx, round, ids, now }) {
      const outcomes: CheckOutcome[] = ['pass', 'return', 'inProgress', 'notStarted', 'pass'];
      await formalCheck(ctx, round, ids, (i) => outcomes[i % outcomes.length], {
        assignAt: now - 40 * HOUR,
        dueAt: now + 5 * DAY,
        doneAt: (i, n) => spread(now - 30 * HOUR, now - 8 * HOUR, i, n),
      });
      if (ids.length > 3) await fire(ctx, ids[3], 'withdraw', INTAKE, now - 4 * HOUR, '連携先の企業が参加を見送ったため取り下げます。');
    },
  },
  {
    label: '地域・企業共生型 公募',
    round: (now) => ({
      ruleSet: 'regionalCoexistence.r4',
      code: 'regionalCoexistence.round2',
      number: 2,
      name: '第2回公募',
      receiptPrefix: 'RCO02',
      opensAt: jstAt(now - 150 * DAY, 10),
      closesAt: jstAt(now - 110 * DAY, 12),
      announcement: { from: now - 62 * DAY, to: now - 62 * DAY, label: '採択発表済み' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['regionalCoexistence.standard', 4, (r, n, k) => coexistenceApplicant(r, n, k, 1500, 4500)],
      ['regionalCoexistence.wide', 3, (r, n, k) => coexistenceApplicant(r, n, k + 1, 3000, 6000)],
      ['regionalCoexistence.extraWide', 1, (r, n) => coexistenceApplicant(r, n, 0, 4000, 8000)],
    ],
    async story({ ctx, round, ids, now, close, manager }) {
      await formalCheck(
        ctx,
        round,
        ids,
        (i) => (i === 5 ? 'ineligible' : 'pass'),
        { assignAt: close + DAY, dueAt: close + 12 * DAY, doneAt: (i, n) => spread(close + 2 * DAY, close + 10 * DAY, i, n) },
        '導入予定の地域が4地域で、5地域以上の要件を満たしていません。',
      );
      await review(ctx, round, () => 'complete', {
        assignAt: close + 12 * DAY,
        dueAt: close + 32 * DAY,
        doneAt: (i, n) => spread(close + 13 * DAY, close + 30 * DAY, i, n),
      });
      const adopted = await ctx.clock.at(close + 40 * DAY, () => decide(ctx, round, close, 0, ADOPTED_SHARE));
      await grantPaths(ctx, adopted, now - 50 * DAY, 15 * DAY, manager, [['applyForGrant', 'decideGrant'], ['applyForGrant']]);
    },
  },
  {
    label: '事業承継・引継ぎ 第2回',
    round: (now) => ({
      ruleSet: 'businessSuccession.r3-sup',
      code: 'businessSuccession.round2',
      number: 2,
      name: '第2回公募',
      receiptPrefix: 'BUS02',
      opensAt: jstAt(now - 80 * DAY, 10),
      closesAt: jstAt(now - 45 * DAY, 17),
      // decided; the notices wait for the 採択発表
      announcement: { from: jstAt(now + 6 * DAY, 10), to: jstAt(now + 6 * DAY, 10), label: '採択発表（予定）' },
      correctionPeriodDays: 10,
    }),
    batches: [
      ['businessSuccession.innovation', 4, (r, n, k) => successionApplicant(r, n, 0, k, 300, 1200)],
      ['businessSuccession.expertUse', 3, (r, n, k) => successionApplicant(r, n, 1, k, 200, 900)],
      ['businessSuccession.closure', 2, (r, n, k) => successionApplicant(r, n, 2, k, 80, 220)],
    ],
    async story({ ctx, round, ids, now, close }) {
      await formalCheck(
        ctx,
        round,
        ids,
        (i) => (i === 3 ? 'ineligible' : 'pass'),
        { assignAt: close + DAY, dueAt: close + 10 * DAY, doneAt: (i, n) => spread(close + 2 * DAY, close + 8 * DAY, i, n) },
        '事業承継（代表者の交代）が補助事業期間内に行われる計画になっていません。',
      );
      await review(ctx, round, () => 'complete', {
        assignAt: close + 10 * DAY,
        dueAt: close + 30 * DAY,
        doneAt: (i, n) => spread(close + 11 * DAY, close + 28 * DAY, i, n),
      });
      await ctx.clock.at(now - 4 * DAY, () => decide(ctx, round, close, 1, ADOPTED_SHARE));
    },
  },
];
