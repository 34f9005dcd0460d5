import { IntakeChannel } from '../../modules/intake/intake-channel.entity';
import { Category } from '../../modules/programs/category.entity';
import { Program } from '../../modules/programs/program.entity';
import { RuleSet } from '../../modules/programs/rule-set.entity';
import { RoundCategory } from '../../modules/rounds/round-category.entity';
import { Round } from '../../modules/rounds/round.entity';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { arrival, DEMO_CHANNEL_NAME, type DemoContext, jstAt } from './demo-applications.seed';
import { StoryClock } from './demo-clock';
import { type Batch, DAY, type Family, HOUR, INTAKE, type RoundSpec } from './demo-family';
import { FAMILIES } from './demo-programme-rounds';
import { demoRandom } from './demo-random';
import { demoServices } from './demo-services';

/**
 * A round of every other programme family of the reference catalogue, next to 事業再構築 (第10〜12回,
 * demo-applications.seed.ts) and 事業復活支援金 (demo-benefit.seed.ts), so that `npm start` shows each
 * family at work (issue 15): applications received through the demo's 受付窓口, checked, reviewed and
 * decided by the services staff use, each at its place in the round's story (StoryClock), all relative to
 * today. Each round stands at a different point of its life:
 * - 事業再構築 第3回, on the 令和2年度第3次補正 rules: decided and announced long ago, adopted projects up to 支払.
 * - ものづくり 14次: decided and announced; the first 交付申請 are in.
 * - 持続化 第13回: open; arrivals being checked, some returned for 補正 and resubmitted.
 * - 持続化 低感染リスク型ビジネス枠 第7回, on the 令和2年度第3次補正 rules: decided and announced.
 * - IT導入 デジタル化基盤導入枠 5次締切 (both 類型): closed; 交付申請 checked, 交付決定 held for the 交付決定日.
 * - 地域DX促進活動支援事業: closed; 書面審査 under way.
 * - 地域デジタルイノベーション: open; 要件確認 under way.
 * - 地域・企業共生型: decided and announced; 交付申請 and 交付決定.
 * - 事業承継・引継ぎ: decided, the notices held until the 採択発表.
 * - ものづくり 11次 and 13次 on subsidy@2: five years of 事業化状況報告, and a project in each post-award state
 *   (demo-post-award-rounds.ts).
 * Amounts stay within each 類型's rules: the quote the submit guard checks is eligible.
 */
export const demoProgrammesSeed: SeedStep = {
  name: 'demo rounds of the other programmes',
  kind: 'demo',
  async run(m) {
    const now = Date.now();
    // each family's round once (by its code): a family added later still reaches a database seeded before
    const missing: Family[] = [];
    for (const family of FAMILIES) if (!(await m.existsBy(Round, { code: family.round(now).code }))) missing.push(family);
    if (missing.length === 0) return 'already present';
    const reviewers = await m.find(StaffUser, { where: { role: 'reviewer', active: true }, order: { email: 'ASC' } });
    const manager = await m.findOneByOrFail(StaffUser, { role: 'manager' });
    // the electronic channel demo-applications.seed.ts opened: every demo application arrives through it
    const channel = await m.findOneByOrFail(IntakeChannel, { name: DEMO_CHANNEL_NAME });
    const clock = new StoryClock(m);
    const ctx: DemoContext = {
      m,
      services: demoServices(clock.manager(), clock),
      r: demoRandom(2022_15),
      reviewers,
      manager,
      counter: { n: 0 },
      clock,
      channelId: channel.id,
    };
    const summary: string[] = [];
    for (const family of missing) {
      // each family draws its own data, whichever others are seeded with it (100 applicants apart, for distinct 法人番号)
      const index = FAMILIES.indexOf(family);
      Object.assign(ctx, { r: demoRandom(2022_15 + index), counter: { n: 3000 + 100 * index } });
      const spec = family.round(now);
      const { round, ids } = await openAndReceive(ctx, spec, family.batches, now);
      await family.story({ ctx, round, ids, now, close: spec.closesAt, manager: { role: 'manager', id: manager.id } });
      await m.update(Round, { id: round.id }, { closesAt: new Date(spec.closesAt) });
      summary.push(`${family.label} ${ids.length}`);
    }
    await m.query(`UPDATE intake_channel SET last_used_at = (SELECT max(received_at) FROM application WHERE channel_id = $1) WHERE id = $1`, [channel.id]);
    return `applications in ${summary.join(', ')}`;
  },
};

/**
 * Creates the round (open until after today while the story runs, so 受付 passes the 締切 guard; the
 * caller sets the real 締切 afterwards, as demo-applications.seed.ts does) and receives its applications
 * between its opening and its 締切 (or two days ago), a few kept as drafts in an open round.
 */
async function openAndReceive(ctx: DemoContext, spec: RoundSpec, batches: Batch[], now: number) {
  const { m, r, services, clock } = ctx;
  const ruleSet = await m.findOneOrFail(RuleSet, {
    where: { code: spec.ruleSet, ...(spec.ruleSetVersion ? { version: spec.ruleSetVersion } : {}) },
    order: { version: 'DESC' },
  });
  const program = await m.findOneByOrFail(Program, { id: ruleSet.programId });
  const categories = await m.findBy(Category, { ruleSetId: ruleSet.id });
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const round = await clock.at(spec.opensAt - 10 * DAY, async () => {
    const saved = await m.save(
      m.create(Round, {
        code: spec.code,
        programId: program.id,
        ruleSetId: ruleSet.id,
        number: spec.number,
        name: spec.name,
        opensAt: new Date(spec.opensAt),
        closesAt: new Date(Math.max(spec.closesAt, now + DAY)),
        announcementFrom: spec.announcement ? new Date(spec.announcement.from) : null,
        announcementTo: spec.announcement ? new Date(spec.announcement.to) : null,
        announcementLabel: spec.announcement?.label ?? null,
        workflowVersion: spec.workflowVersion ?? 1,
        advancePaymentAllowed: spec.advancePaymentAllowed ?? false,
        correctionPeriodDays: spec.correctionPeriodDays,
        receiptPrefix: spec.receiptPrefix,
        assumption: 'デモデータ: npm start が作成した公募回',
      }),
    );
    const offered = [...new Set(batches.map(([code]) => code))];
    await m.insert(
      RoundCategory,
      offered.map((code) => ({ roundId: saved.id, categoryId: byCode.get(code)!.id, budget: null, adoptionQuota: null })),
    );
    return saved;
  });
  // arrivals interleave the 類型 (one of each in turn), more of them near the end
  const queue = batches.flatMap(([code, count, make]) => Array.from({ length: count }, (_, k) => ({ code, k, make })));
  queue.sort((a, b) => a.k - b.k);
  const open = spec.closesAt > now;
  const last = open ? jstAt(now - 2 * DAY, 17) : spec.closesAt - 2 * HOUR;
  const submit = program.workflowKind === 'itSubsidy' ? 'applyForGrant' : 'submit';
  const ids: string[] = [];
  for (const [i, { code, k, make }] of queue.entries()) {
    const at = arrival(spec.opensAt, last, i, queue.length);
    // in an open round, the last two applicants are still writing theirs (下書き, no 受付番号 yet)
    const draft = open && i >= queue.length - 2;
    await clock.at(at, async () => {
      const app = await services.applications.createDraft(services.tx, {
        roundId: round.id,
        categoryId: byCode.get(code)!.id,
        ...make(r, ++ctx.counter.n, k),
        receiptNumber: draft ? null : await services.intake.nextReceiptNumber(round.id, spec.receiptPrefix, services.tx),
        receivedAt: draft ? null : new Date(at),
        channelId: ctx.channelId,
      });
      if (draft) return;
      await services.transitions.fireIn(services.tx, app.id, submit, INTAKE, {});
      ids.push(app.id);
    });
  }
  return { round, ids };
}
