import type { EntityManager } from 'typeorm';
import { createDraft } from '../../modules/applications/application-drafts';
import { defaultReceiptPrefix, nextReceiptNumber } from '../../modules/intake/receipt-number';
import { ApplicationsRepository } from '../../modules/applications/applications.repository';
import { TransitionActor, TransitionsService } from '../../modules/applications/transitions.service';
import { Category } from '../../modules/programs/category.entity';
import { Program } from '../../modules/programs/program.entity';
import { RuleSet } from '../../modules/programs/rule-set.entity';
import { RoundCategory } from '../../modules/rounds/round-category.entity';
import { Round } from '../../modules/rounds/round.entity';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { demoApplicant, demoRandom, DemoRandom } from './demo-random';

const DAY = 86_400_000;
const INTAKE: TransitionActor = { role: 'intake', id: null };

/** Where each demo application ends: the path of transitions (and who fires them) that gets it there. */
type Step = [transition: string, actor: 'intake' | 'reviewer' | 'manager', reason?: string];
const TO_FORMAL_CHECK: Step[] = [['submit', 'intake'], ['startFormalCheck', 'reviewer']];
const TO_REVIEWED: Step[] = [...TO_FORMAL_CHECK, ['passFormalCheck', 'reviewer'], ['completeReview', 'manager']];

const OPEN_ROUND_PATHS: Record<string, Step[]> = {
  draft: [],
  submitted: [['submit', 'intake']],
  formalCheck: TO_FORMAL_CHECK,
  returned: [...TO_FORMAL_CHECK, ['returnForCorrection', 'reviewer', '事業計画書の収支計画の表が欠落しています。']],
  resubmitted: [...TO_FORMAL_CHECK, ['returnForCorrection', 'reviewer', '認定支援機関の確認書が添付されていません。'], ['resubmit', 'intake']],
  withdrawn: [['submit', 'intake'], ['withdraw', 'intake', '事業計画を見直すため取り下げます。']],
};
const DECIDED_ROUND_PATHS: Record<string, Step[]> = {
  ineligible: [...TO_FORMAL_CHECK, ['markIneligible', 'reviewer', '売上高減少要件を満たしていません。']],
  underReview: [...TO_FORMAL_CHECK, ['passFormalCheck', 'reviewer']],
  reviewed: TO_REVIEWED,
  rejected: [...TO_REVIEWED, ['reject', 'manager', '審査の結果、採択の基準に達しませんでした。']],
  waitlisted: [...TO_REVIEWED, ['waitlist', 'manager']],
  adopted: [...TO_REVIEWED, ['adopt', 'manager']],
};
const GRANT_PATHS: Record<string, Step[]> = {
  grantApplied: [['applyForGrant', 'intake']],
  grantDecided: [['applyForGrant', 'intake'], ['decideGrant', 'manager']],
  performanceReported: [['applyForGrant', 'intake'], ['decideGrant', 'manager'], ['reportPerformance', 'intake']],
  paid: [['applyForGrant', 'intake'], ['decideGrant', 'manager'], ['reportPerformance', 'intake'], ['startFinalInspection', 'manager'], ['fixAmount', 'manager'], ['pay', 'manager']],
};

interface DemoContext {
  m: EntityManager;
  transitions: TransitionsService;
  r: DemoRandom;
  reviewers: StaffUser[];
  manager: StaffUser;
  counter: { n: number };
}

/**
 * The living secretariat of `npm start`: 事業再構築補助金 第11回 (closed, reviewed and decided, some
 * projects already paid) and 第12回 (open now, applications arriving), every application moved to
 * its state by the real transitions, so audit trails and outbox rows are what production writes.
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
    const ctx: DemoContext = { m, transitions: new TransitionsService(new ApplicationsRepository(m.connection)), r: demoRandom(2022), reviewers, manager, counter: { n: 0 } };
    const now = Date.now();

    // 第11回: open while its applications arrive, then closed, reviewed, decided and announced.
    const r11 = await createRound(m, program, ruleSet, 11, now - 90 * DAY, now + 1 * DAY);
    const decided = await fill(ctx, r11, DECIDED_ROUND_PATHS, 72);
    await m.update(Round, { id: r11.id }, { closesAt: new Date(now - 60 * DAY), announcementFrom: new Date(now - 20 * DAY), announcementTo: new Date(now - 20 * DAY), announcementLabel: '採択発表済み' });
    const adopted = decided.filter((a) => a.state === 'adopted');
    // Of the adopted, two each move on to every stage of the grant; the rest wait for their 交付申請.
    let i = 0;
    for (const path of Object.values(GRANT_PATHS)) {
      for (const a of adopted.slice(i, i + 2)) await walk(ctx, a.id, path);
      i += 2;
    }
    // 第12回: open now.
    const r12 = await createRound(m, program, ruleSet, 12, now - 14 * DAY, now + 21 * DAY);
    await fill(ctx, r12, OPEN_ROUND_PATHS, 30);
    return `${ctx.counter.n} applications in 第11回 (decided) and 第12回 (open)`;
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
  await m.insert(RoundCategory, categories.map((c) => ({ roundId: round.id, categoryId: c.id, budget: c.code === 'restructuring.standard' ? 1_500_000_000 : null, adoptionQuota: null })));
  return round;
}

/** `total` applications spread evenly over the states of `paths` and over two categories. */
async function fill(ctx: DemoContext, round: Round, paths: Record<string, Step[]>, total: number) {
  const { m, r } = ctx;
  const standard = await m.findOneByOrFail(Category, { ruleSetId: round.ruleSetId, code: 'restructuring.standard' });
  const recovery = await m.findOneByOrFail(Category, { ruleSetId: round.ruleSetId, code: 'restructuring.recovery' });
  const states = Object.keys(paths);
  const made: { id: string; state: string }[] = [];
  for (let k = 0; k < total; k++) {
    const state = states[k % states.length];
    const category = r.next() < 0.75 ? standard : recovery;
    const cap = category === standard ? 60_000_000 : 12_000_000;
    const app = await createDraft(m, {
      roundId: round.id,
      categoryId: category.id,
      ...demoApplicant(r, ++ctx.counter.n),
      expenses: [
        { expenseType: 'building', amount: r.int(20, 200) * 100_000, description: '店舗・工場の改修' },
        { expenseType: 'machinery', amount: r.int(30, Math.floor(cap / 100_000)) * 100_000, description: '生産設備' },
      ],
      monthlySales: [],
      benefitInput: null,
      receiptNumber: await nextReceiptNumber(m, round.id, defaultReceiptPrefix('restructuring', round.number)),
      receivedAt: new Date(),
    });
    const reviewers = [ctx.reviewers[k % ctx.reviewers.length], ctx.reviewers[(k + 1) % ctx.reviewers.length]];
    for (const reviewer of reviewers) await m.query(`INSERT INTO application_assignment (application_id, reviewer_id, assigned_by) VALUES ($1, $2, $3)`, [app.id, reviewer.id, ctx.manager.id]);
    await walk(ctx, app.id, paths[state], reviewers[0]);
    made.push({ id: app.id, state });
  }
  return made;
}

async function walk(ctx: DemoContext, applicationId: string, path: Step[], reviewer?: StaffUser) {
  for (const [transition, who, reason] of path) {
    // The formal-check checklist and the scoring arrive with the review capability; until then the
    // demo records their outcomes the way those screens will.
    if (transition === 'passFormalCheck') await ctx.m.query(`UPDATE application SET formal_check = '{"passed": true, "failedItems": []}' WHERE id = $1`, [applicationId]);
    if (transition === 'completeReview') await ctx.m.query(`UPDATE application_assignment SET submitted_at = now() WHERE application_id = $1`, [applicationId]);
    const actor: TransitionActor =
      who === 'intake' ? INTAKE : who === 'manager' ? { role: 'manager', id: ctx.manager.id } : { role: 'reviewer', id: (reviewer ?? ctx.reviewers[0]).id };
    await ctx.transitions.fireIn(ctx.m, applicationId, transition, actor, { reason });
  }
}
