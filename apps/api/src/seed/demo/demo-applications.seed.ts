import { statesTagged } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { defaultReceiptPrefix } from '../../modules/intake/receipt-number';
import type { TransitionActor } from '../../modules/applications/transitions.service';
import { Category } from '../../modules/programs/category.entity';
import { Program } from '../../modules/programs/program.entity';
import { RuleSet } from '../../modules/programs/rule-set.entity';
import { RoundCategory } from '../../modules/rounds/round-category.entity';
import { Round } from '../../modules/rounds/round.entity';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { demoApplicant, demoRandom, DemoRandom } from './demo-random';
import { StoryClock } from './demo-clock';
import { declareConflicts } from './demo-conflicts';
import { asUser, demoServices, DemoServices } from './demo-services';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** the channel the demo's applications arrive through, as the 受付窓口 list shows it */
export const DEMO_CHANNEL_NAME = '電子申請システム（jGrants 連携）';
const INTAKE: TransitionActor = { role: 'intake', id: null };
const BONUS_CODES = ['salesDeclineBonus', 'rehabilitationBonus', 'wageIncreaseBonus', 'partnershipBonus'];

/** How an application's 要件確認 ends in the demo. */
export type CheckOutcome = 'pass' | 'return' | 'ineligible' | 'inProgress' | 'notStarted';
/** How far its 書面審査 gets: every sheet submitted, or one submitted, one draft and one not started. */
export type ReviewProgress = 'complete' | 'partial';

/** What the demo's story helpers (receipt, 要件確認, 書面審査, decision) work with; demo-programmes.seed.ts shares them. */
export interface DemoContext {
  m: EntityManager;
  services: DemoServices;
  r: DemoRandom;
  reviewers: StaffUser[];
  manager: StaffUser;
  counter: { n: number };
  clock: StoryClock;
  channelId: string;
}

/** `k`-th of `total` arrivals between `from` and `to`: more of them near the end, as before a real 締切. */
export const arrival = (from: number, to: number, k: number, total: number) => {
  const t = from + Math.floor((to - from) * ((k + 1) / (total + 1)) ** 0.7);
  // squeezed into office hours in Japan (9:00–18:00 JST) of the day the curve gives, keeping the order (受付番号 follow time)
  const jstMidnight = Math.floor((t + 9 * HOUR) / DAY) * DAY - 9 * HOUR;
  return Math.max(from, Math.min(to, jstMidnight + 9 * HOUR + Math.floor(((t - jstMidnight) / DAY) * 9 * HOUR)));
};
/** `hour`:00 JST on the JST day of `t` (rounds open at 10:00 and close at 17:00, as real ones do) */
export const jstAt = (t: number, hour: number) => Math.floor((t + 9 * HOUR) / DAY) * DAY - 9 * HOUR + hour * HOUR;
/** the `i`-th of `n` events spread evenly from `from` to `to` */
export const spread = (from: number, to: number, i: number, n: number) => from + Math.floor(((to - from) * i) / Math.max(1, n));

/**
 * The living secretariat of `npm start`, 事業再構築補助金 in three rounds, every application moved by
 * the code staff use — intake, the 要件確認 checklist, automatic assignment, score sheets, the adoption
 * simulator and its committed decision — so states, audit trails, scores and emails are what
 * production writes:
 * - 第10回: closed, decided and announced; some adopted projects are already paid.
 * - 第11回: closed, 書面審査 almost done — the simulator has a decision waiting.
 * - 第12回: open now, applications arriving and being checked.
 */
export const demoApplicationsSeed: SeedStep = {
  name: 'demo applications',
  kind: 'demo',
  async run(m) {
    if (await m.existsBy(Round, { code: 'restructuring.round12' })) return 'already present';
    const ruleSet = await m.findOneByOrFail(RuleSet, { code: 'restructuring.r3-sup', version: 1 });
    const program = await m.findOneByOrFail(Program, { id: ruleSet.programId });
    const reviewers = await m.find(StaffUser, { where: { role: 'reviewer', active: true }, order: { email: 'ASC' } });
    const manager = await m.findOneByOrFail(StaffUser, { role: 'manager' });
    const now = Date.now();
    const clock = new StoryClock(m);
    const services = demoServices(clock.manager());
    // the secretariat's administrator opened the electronic application channel before the first round,
    const admin = await m.findOneByOrFail(StaffUser, { role: 'admin' });
    // after the portal's connection test, whose key was then revoked
    const trial = await clock.at(now - 185 * DAY, () => services.intakeChannels.create(asUser(admin), '電子申請システム（接続試験用）'));
    const channel = await clock.at(now - 180 * DAY, () => services.intakeChannels.create(asUser(admin), DEMO_CHANNEL_NAME));
    await clock.at(now - 180 * DAY + HOUR, () => services.intakeChannels.revoke(asUser(admin), trial.id));
    const ctx: DemoContext = { m, services, r: demoRandom(2022), reviewers, manager, counter: { n: 0 }, clock, channelId: channel.id };

    // Every event happens at its place in the round's story (StoryClock): 受付 between opening and 締切,
    // 要件確認 and 書面審査 assigned before their due dates and done after the 締切, decisions after that.
    // 第10回: checked, reviewed, decided within budget, announced; two adopted per grant stage.
    const [open10, close10] = [jstAt(now - 150 * DAY, 10), jstAt(now - 120 * DAY, 17)];
    const r10 = await clock.at(open10 - 10 * DAY, () => createRound(m, program, ruleSet, 10, open10, now + DAY));
    const apps10 = await receive(ctx, r10, 72, (k, n) => arrival(open10, close10 - 2 * HOUR, k, n));
    await formalCheck(ctx, r10, apps10, (i) => (i % 12 === 5 ? 'ineligible' : 'pass'), {
      assignAt: close10 + DAY,
      dueAt: close10 + 10 * DAY,
      doneAt: (i, n) => spread(close10 + 2 * DAY, close10 + 8 * DAY, i, n),
    });
    await review(ctx, r10, () => 'complete', {
      assignAt: close10 + 12 * DAY,
      dueAt: close10 + 25 * DAY,
      doneAt: (i, n) => spread(close10 + 13 * DAY, close10 + 23 * DAY, i, n),
    });
    const adopted = await clock.at(close10 + 33 * DAY, () => decide(ctx, r10, close10));
    await m.update(
      Round,
      { id: r10.id },
      {
        closesAt: new Date(close10),
        announcementFrom: new Date(close10 + 40 * DAY),
        announcementTo: new Date(close10 + 40 * DAY),
        announcementLabel: '採択発表済み',
      },
    );
    await grantStages(ctx, adopted, close10 + 45 * DAY);

    // 第11回: closed; most reviews are in, a few reviewers are still scoring.
    const [open11, close11] = [jstAt(now - 70 * DAY, 10), jstAt(now - 30 * DAY, 17)];
    const r11 = await clock.at(open11 - 10 * DAY, () => createRound(m, program, ruleSet, 11, open11, now + DAY));
    const apps11 = await receive(ctx, r11, 60, (k, n) => arrival(open11, close11 - 2 * HOUR, k, n));
    await formalCheck(ctx, r11, apps11, (i) => (i % 15 === 7 ? 'ineligible' : 'pass'), {
      assignAt: close11 + DAY,
      dueAt: now - 20 * DAY,
      doneAt: (i, n) => spread(close11 + 2 * DAY, now - 22 * DAY, i, n),
    });
    // the reviews were due two days ago: the partial ones are overdue on the assignment board and the dashboard
    await review(ctx, r11, (i) => (i % 6 === 1 ? 'partial' : 'complete'), {
      assignAt: now - 18 * DAY,
      dueAt: now - 2 * DAY,
      doneAt: (i, n) => spread(now - 17 * DAY, now - 4 * DAY, i, n),
    });
    // 再審査 (docs/reconsideration.md): a 回復・再生応援枠 application below that 枠's line, moved by the manager to 通常枠
    await clock.at(now - DAY, () => reconsiderOne(ctx, r11));
    await m.update(
      Round,
      { id: r11.id },
      {
        closesAt: new Date(close11),
        announcementFrom: new Date(now + 20 * DAY),
        announcementTo: new Date(now + 30 * DAY),
        announcementLabel: '締切の約2か月後（予定）',
      },
    );

    // 第12回: open now; the first arrivals are being checked.
    const open12 = jstAt(now - 14 * DAY, 10);
    const r12 = await clock.at(open12 - 10 * DAY, () => createRound(m, program, ruleSet, 12, open12, jstAt(now + 21 * DAY, 17)));
    const apps12 = await receive(
      ctx,
      r12,
      30,
      (k, n) => arrival(open12, jstAt(now - 3 * DAY, 17), k, n),
      (i) => i % 6 === 0,
    );
    // 申請履歴 (docs/applicant-history.md): a company paid in 第10回 applies again, for the same equipment
    await sameApplicantAgain(m, adopted, apps12);
    await declareConflicts(ctx, apps12.slice(1), now - 3 * DAY + 2 * HOUR);
    const outcome12: CheckOutcome[] = ['notStarted', 'notStarted', 'inProgress', 'return', 'return', 'notStarted'];
    await formalCheck(ctx, r12, apps12, (i) => outcome12[i % 6], {
      assignAt: now - 2 * DAY,
      dueAt: now + 5 * DAY,
      doneAt: (i, n) => spread(now - 36 * HOUR, now - 12 * HOUR, i, n),
    });
    for (const [i, id] of apps12.entries()) {
      const at = spread(now - 8 * HOUR, now - 2 * HOUR, i, apps12.length);
      if (i % 6 === 4) await clock.at(at, () => ctx.services.transitions.fireIn(ctx.services.tx, id, 'resubmit', INTAKE, {}));
      if (i % 6 === 5) {
        await clock.at(at, () => ctx.services.transitions.fireIn(ctx.services.tx, id, 'withdraw', INTAKE, { reason: '事業計画を見直すため取り下げます。' }));
      }
    }
    // the channel was last used by the latest 受付
    await m.query(`UPDATE intake_channel SET last_used_at = (SELECT max(received_at) FROM application WHERE channel_id = $1) WHERE id = $1`, [channel.id]);
    return `${ctx.counter.n} applications in 第10回 (decided), 第11回 (in review) and 第12回 (open)`;
  },
};

async function createRound(m: EntityManager, program: Program, ruleSet: RuleSet, number: number, opensAt: number, closesAt: number) {
  const round = await m.save(
    m.create(Round, {
      code: `${program.code}.round${number}`,
      programId: program.id,
      ruleSetId: ruleSet.id,
      number,
      name: `第${number}回公募`,
      opensAt: new Date(opensAt),
      closesAt: new Date(closesAt),
      announcementFrom: new Date(closesAt + 45 * DAY),
      announcementTo: new Date(closesAt + 55 * DAY),
      announcementLabel: '締切の約2か月後（予定）',
      workflowVersion: 1,
      correctionPeriodDays: 10,
      assumption: 'デモデータ: npm start が作成した公募回',
    }),
  );
  const categories = await m.findBy(Category, { ruleSetId: ruleSet.id });
  await m.insert(
    RoundCategory,
    categories.map((c) => ({ roundId: round.id, categoryId: c.id, budget: c.code === 'restructuring.standard' ? 300_000_000 : null, adoptionQuota: null })),
  );
  return round;
}

/**
 * `total` applications received through the demo's intake channel (the `draft` ones are kept as drafts),
 * over two categories, the `k`-th at `timeOf(k, total)`.
 */
async function receive(
  ctx: DemoContext,
  round: Round,
  total: number,
  timeOf: (k: number, total: number) => number,
  keepDraft: (i: number) => boolean = () => false,
): Promise<string[]> {
  const { m, r } = ctx;
  const standard = await m.findOneByOrFail(Category, { ruleSetId: round.ruleSetId, code: 'restructuring.standard' });
  const recovery = await m.findOneByOrFail(Category, { ruleSetId: round.ruleSetId, code: 'restructuring.recovery' });
  const ids: string[] = [];
  for (let k = 0; k < total; k++) {
    const at = timeOf(k, total);
    await ctx.clock.at(at, async () => {
      const category = r.next() < 0.75 ? standard : recovery;
      const cap = category === standard ? 40_000_000 : 12_000_000;
      const app = await ctx.services.applications.createDraft(ctx.services.tx, {
        roundId: round.id,
        categoryId: category.id,
        ...demoApplicant(r, ++ctx.counter.n),
        expenses: [
          { expenseType: 'building', amount: r.int(20, 200) * 100_000, description: '店舗・工場の改修' },
          { expenseType: 'machinery', amount: r.int(30, Math.floor(cap / 100_000)) * 100_000, description: '生産設備' },
        ],
        monthlySales: [],
        benefitInput: null,
        claimedBonusItems: BONUS_CODES.filter(() => r.next() < 0.3),
        receiptNumber: keepDraft(k)
          ? null
          : await ctx.services.intake.nextReceiptNumber(round.id, defaultReceiptPrefix('restructuring', round.number), ctx.services.tx),
        receivedAt: keepDraft(k) ? null : new Date(at),
        channelId: ctx.channelId,
      });
      if (!keepDraft(k)) {
        await ctx.services.transitions.fireIn(ctx.services.tx, app.id, 'submit', INTAKE, {});
        ids.push(app.id);
      }
    });
  }
  return ids;
}

/** When an assignment is made, when it is due, and when the `i`-th of `n` applications is worked on. */
export interface AssignmentTimes {
  assignAt: number;
  dueAt: number;
  doneAt: (i: number, n: number) => number;
}

/**
 * Assigns a checker to every received application, who then answers the checklist item by item; an
 * ineligible one is failed on its 適格性 with `ineligibleReason`.
 */
export async function formalCheck(
  ctx: DemoContext,
  round: Round,
  ids: string[],
  outcomeOf: (i: number) => CheckOutcome,
  times: AssignmentTimes,
  ineligibleReason = '売上高減少要件を満たしていません (比較対象の月の売上高が基準を下回っていません)。',
) {
  const { m, services } = ctx;
  const manager = asUser(ctx.manager);
  await ctx.clock.at(times.assignAt, () =>
    services.assignments.autoAssign(round.id, { purpose: 'formalCheck', dueAt: new Date(times.dueAt).toISOString() }, manager, {}),
  );
  const checkers = new Map<string, string>(
    (
      await m.query(
        `SELECT application_id, reviewer_id FROM application_assignment WHERE purpose = 'formalCheck' AND revoked_at IS NULL AND application_id = ANY($1)`,
        [ids],
      )
    ).map((r: { application_id: string; reviewer_id: string }) => [r.application_id, r.reviewer_id]),
  );
  for (const [i, id] of ids.entries()) {
    const outcome = outcomeOf(i);
    if (outcome === 'notStarted') continue;
    await ctx.clock.at(times.doneAt(i, ids.length), () => checkOne(id, outcome));
  }

  async function checkOne(id: string, outcome: CheckOutcome) {
    const checker = asUser(ctx.reviewers.find((u) => u.id === checkers.get(id))!);
    const { items } = await services.formalChecks.get(id, checker);
    // documents arrived on paper for the demo: the reviewer confirms them by hand
    // where the automatic judgement says 不適, the checker who passes it says why (audited)
    const answers = items.map((item) => ({
      code: item.code,
      passed: true,
      comment: undefined as string | undefined,
      ...(item.passNeedsReason ? { overrideReason: '売上台帳の写しを郵送で受領し、要件を満たしていることを確認しました。' } : {}),
    }));
    if (outcome === 'inProgress') {
      await services.formalChecks.save(id, answers.slice(0, 3), checker, {});
      return;
    }
    if (outcome === 'return') {
      const plan = answers.find((a) => a.code === 'document.businessPlan')!;
      Object.assign(plan, {
        passed: false,
        comment: ctx.r.pick(['収支計画の表が欠落しています。', '事業計画書の3ページ目が判読できません。再度添付してください。']),
      });
    }
    if (outcome === 'ineligible') {
      const eligibility = answers.find((a) => items.find((it) => it.code === a.code)?.source === 'eligibility')!;
      Object.assign(eligibility, { passed: false, comment: ineligibleReason });
    }
    await services.formalChecks.complete(
      id,
      { outcome: outcome === 'return' ? 'return' : outcome === 'ineligible' ? 'ineligible' : 'pass', answers },
      checker,
      {},
    );
  }
}

/**
 * Assigns the reviewers and has them score each criterion of the application's rubric (審査基準 of its
 * round × 類型): strict and lenient reviewers, bonus items mostly confirmed.
 */
export async function review(ctx: DemoContext, round: Round, progressOf: (i: number) => ReviewProgress, times: AssignmentTimes) {
  const { m, services, r } = ctx;
  await ctx.clock.at(times.assignAt, () =>
    services.assignments.autoAssign(round.id, { purpose: 'review', dueAt: new Date(times.dueAt).toISOString() }, asUser(ctx.manager), {}),
  );
  const apps: { id: string; claimed: string[]; criteria: { code: string }[] }[] = await m.query(
    `SELECT a.id, a.claimed_bonus_items AS claimed, b.criteria FROM application a JOIN review_rubric b ON b.round_id = a.round_id AND b.category_id = a.category_id
      WHERE a.round_id = $1 AND a.status = ANY($2) ORDER BY a.receipt_number`,
    [round.id, statesTagged('openForScoring')],
  );
  for (const [i, app] of apps.entries()) {
    await ctx.clock.at(times.doneAt(i, apps.length), () => scoreOne(i, app));
  }

  async function scoreOne(i: number, app: { id: string; claimed: string[]; criteria: { code: string }[] }) {
    const quality = r.int(1, 4);
    const sheets: { id: string; reviewer_id: string }[] = await m.query(
      `SELECT id, reviewer_id FROM application_assignment WHERE application_id = $1 AND purpose = 'review' AND revoked_at IS NULL ORDER BY assigned_at, id`,
      [app.id],
    );
    for (const [j, x] of sheets.entries()) {
      const reviewerIndex = ctx.reviewers.findIndex((u) => u.id === x.reviewer_id);
      const bias = (reviewerIndex % 3) - 1;
      const score = () => Math.max(0, Math.min(5, quality + bias + r.int(-1, 1)));
      const dto = {
        scores: Object.fromEntries(app.criteria.map((c) => [c.code, score()])),
        comments: { [app.criteria[0].code]: r.pick(['市場の分析が具体的で、販路の見通しも明確。', '収益計画の根拠がやや弱い。', '実施体制は十分。']) },
        confirmedBonus: app.claimed.filter(() => r.next() < 0.8),
        overallComment: r.pick([
          '既存事業の強みを活かした計画で、実現可能性が高い。',
          '新規性はあるが、資金計画の裏付けが不足している。',
          '地域経済への波及効果が期待できる。',
        ]),
      };
      const reviewer = asUser(ctx.reviewers[reviewerIndex]);
      if (progressOf(i) === 'partial' && j === 1) await services.sheets.save(x.id, dto, reviewer);
      else if (!(progressOf(i) === 'partial' && j === 2)) await services.sheets.submit(x.id, dto, reviewer, {});
    }
  }
}

/**
 * The manager's decision per category: the round's 予算 where it has one, else `budgetShare` (45%) of the quoted
 * total; `waitlistCount` on the waitlist. A decision comes after the 応募締切 (AdoptionService): the round, kept
 * open for the story's arrivals, gets its own `close` back first.
 */
export async function decide(ctx: DemoContext, round: Round, close: number, waitlistCount = 3, budgetShare = 0.45): Promise<string[]> {
  const { m, services } = ctx;
  await m.update(Round, { id: round.id }, { closesAt: new Date(close) });
  const categories: { category_id: string; total: string }[] = await m.query(
    `SELECT category_id, sum(quoted_amount) AS total FROM application WHERE round_id = $1 AND status = ANY($2) GROUP BY category_id ORDER BY category_id`,
    [round.id, statesTagged('awaitsDecision')],
  );
  const adopted: string[] = [];
  for (const c of categories) {
    const offered = await m.findOneByOrFail(RoundCategory, { roundId: round.id, categoryId: c.category_id });
    const limits = { categoryId: c.category_id, budget: offered.budget ?? Math.floor(Number(c.total) * budgetShare), waitlistCount };
    const ranking = await services.ranking.rank(round.id, limits);
    await services.adoption.commit(round.id, { ...limits, fingerprint: ranking.fingerprint }, asUser(ctx.manager), {});
    adopted.push(...ranking.entries.filter((e) => e.outcome === 'adopted').map((e) => e.applicationId));
  }
  return adopted;
}

/**
 * 再審査 in 通常枠 (docs/reconsideration.md): the lowest-ranked 回復・再生応援枠 application awaiting the decision,
 * moved by the manager with the reason a secretariat gives, through the code staff use.
 */
async function reconsiderOne(ctx: DemoContext, round: Round) {
  const { m, services } = ctx;
  const recovery = await m.findOneByOrFail(Category, { ruleSetId: round.ruleSetId, code: 'restructuring.recovery' });
  const standard = await m.findOneByOrFail(Category, { ruleSetId: round.ruleSetId, code: 'restructuring.standard' });
  const ranking = await services.ranking.rank(round.id, { categoryId: recovery.id });
  const last = ranking.entries.at(-1);
  if (!last) return;
  await services.reconsideration.reconsider(
    last.applicationId,
    { categoryId: standard.id, reason: '回復・再生応援枠の採択ラインに届かない見込みのため、通常枠で再審査します。' },
    asUser(ctx.manager),
    {},
  );
}

/** The first 第12回 application becomes a company adopted in 第10回 (its 法人番号 and name): its 申請履歴 shows it. */
async function sameApplicantAgain(m: EntityManager, adopted10: string[], apps12: string[]) {
  if (!adopted10.length || !apps12.length) return;
  await m.query(
    `UPDATE application a SET corporate_number = e.corporate_number, applicant_name = e.applicant_name
       FROM application e WHERE a.id = $1 AND e.id = $2`,
    [apps12[0], adopted10[0]],
  );
}

/**
 * Of the adopted, two each move on to every stage of the grant; the rest wait for their 交付申請. The
 * stages follow each other from `from`, ten days apart.
 */
async function grantStages(ctx: DemoContext, adopted: string[], from: number) {
  const manager: TransitionActor = { role: 'manager', id: ctx.manager.id };
  const paths: [string, TransitionActor][][] = [
    [['applyForGrant', INTAKE]],
    [
      ['applyForGrant', INTAKE],
      ['decideGrant', manager],
    ],
    [
      ['applyForGrant', INTAKE],
      ['decideGrant', manager],
      ['reportPerformance', INTAKE],
    ],
    [
      ['applyForGrant', INTAKE],
      ['decideGrant', manager],
      ['reportPerformance', INTAKE],
      ['startFinalInspection', manager],
      ['fixAmount', manager],
      ['pay', manager],
    ],
  ];
  for (const [k, path] of paths.entries()) {
    for (const id of adopted.slice(k * 2, k * 2 + 2)) {
      for (const [j, [transition, actor]] of path.entries()) {
        await ctx.clock.at(from + j * 10 * DAY + k * HOUR, () => ctx.services.transitions.fireIn(ctx.services.tx, id, transition, actor, {}));
      }
    }
  }
}
