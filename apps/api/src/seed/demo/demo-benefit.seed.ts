import { getWorkflow } from '@jimukyoku/workflow';
import type { TransitionActor } from '../../modules/applications/transitions.service';
import { formalCheckOutcomes } from '../../modules/formal-check/formal-check.service';
import { defaultReceiptPrefix } from '../../modules/intake/receipt-number';
import { IntakeChannel } from '../../modules/intake/intake-channel.entity';
import { Category } from '../../modules/programs/category.entity';
import { Program } from '../../modules/programs/program.entity';
import { RuleSet } from '../../modules/programs/rule-set.entity';
import { RoundCategory } from '../../modules/rounds/round-category.entity';
import { Round } from '../../modules/rounds/round.entity';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { demoApplicant, demoRandom } from './demo-random';
import { arrival, DEMO_CHANNEL_NAME, jstAt } from './demo-applications.seed';
import { StoryClock } from './demo-clock';
import { payInStory } from './demo-payments';
import { asUser, demoServices } from './demo-services';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const ROUND_CODE = 'recoveryBenefit.demo';
const INTAKE: TransitionActor = { role: 'intake', id: null };
const SYSTEM: TransitionActor = { role: 'system', id: null };

/** `checker`: the transition is what the 要件確認 checklist fires (benefit@1's formalCheck), completed by the assigned checker. */
type Step = [transition: string, who: 'intake' | 'system' | 'reviewer' | 'manager' | 'checker', reason?: string];
const SUBMITTED: Step[] = [
  ['confirmPreCheck', 'intake'],
  ['submit', 'intake'],
];
// the checklist's 適 starts the 審査, its 不適 is 不備 (README "Lifecycle facts live in the workflow definitions")
const IN_REVIEW: Step[] = [...SUBMITTED, ['startReview', 'checker']];
/** the checker opens the checklist and saves the first answers (no state change), and completes it half a day later */
const SAVE_CHECKLIST = 'saveChecklist';
const DEFICIENT: Step[] = [...SUBMITTED, [SAVE_CHECKLIST, 'checker'], ['markDeficient', 'checker', '基準期間の売上台帳の写しが添付されていません。']];

/** Where each demo application of the 事業復活支援金 ends, by the transitions that take it there. */
const PATHS: Record<string, Step[]> = {
  // first, so its applications arrive early enough for the bank to have transferred (payInStory)
  transferred: [...IN_REVIEW, ['decideBenefit', 'manager']],
  idIssued: [],
  preChecked: [['confirmPreCheck', 'intake']],
  submitted: SUBMITTED,
  underReview: IN_REVIEW,
  deficient: DEFICIENT,
  resubmitted: [...DEFICIENT, ['resubmit', 'intake']],
  benefitDecided: [...IN_REVIEW, ['decideBenefit', 'manager']],
  notGranted: [...IN_REVIEW, ['refuseBenefit', 'manager', '対象月の売上高が、確認書類の記載と一致しません。']],
  withdrawn: [...SUBMITTED, ['withdraw', 'intake', '別の給付金を申請するため取り下げます。']],
};

/**
 * 事業復活支援金 in the demo: a benefit round open now, its applications in every state of benefit@1
 * (申請ID発行 → 事前確認 → 申請 → 審査 ⇄ 不備/再提出 → 給付決定 → 振込完了), each moved there by the
 * workflow's transitions; a filed one gets a checker (auto-assignment) whose 要件確認 checklist fires the
 * 審査 (適) or the 不備 (formalCheck of benefit@1). Every third applicant is an earlier 一時支援金/月次支援金 recipient whose
 * 事前確認 is waived; the others carry a 事前確認通知番号 from a 登録確認機関.
 */
export const demoBenefitSeed: SeedStep = {
  name: 'demo benefit applications',
  kind: 'demo',
  async run(m) {
    if (await m.existsBy(Round, { code: ROUND_CODE })) return 'already present';
    const ruleSet = await m.findOneByOrFail(RuleSet, { code: 'recoveryBenefit.r3-sup', version: 1 });
    const program = await m.findOneByOrFail(Program, { id: ruleSet.programId });
    const category = await m.findOneByOrFail(Category, { ruleSetId: ruleSet.id, code: 'recoveryBenefit.benefit' });
    const reviewer = await m.findOneByOrFail(StaffUser, { role: 'reviewer', email: 'reviewer@jimukyoku.example.jp' });
    const manager = await m.findOneByOrFail(StaffUser, { role: 'manager' });
    const now = Date.now();
    const opensAt = jstAt(now - 20 * DAY, 10);
    // the same electronic channel as the subsidy's (demo-applications.seed.ts creates it)
    const channel = await m.findOneBy(IntakeChannel, { name: DEMO_CHANNEL_NAME });
    const round = await m.save(
      m.create(Round, {
        code: ROUND_CODE,
        programId: program.id,
        ruleSetId: ruleSet.id,
        number: 2,
        name: '申請受付（デモ）',
        opensAt: new Date(opensAt),
        closesAt: new Date(jstAt(now + 40 * DAY, 17)),
        announcementFrom: null,
        announcementTo: null,
        announcementLabel: '給付金のため採択発表なし（審査が済み次第、給付決定を通知）',
        workflowVersion: 1,
        correctionPeriodDays: 14,
        assumption: 'デモデータ: npm start が作成した事業復活支援金の申請受付',
      }),
    );
    await m.insert(RoundCategory, { roundId: round.id, categoryId: category.id, budget: null, adoptionQuota: null });

    // each application arrives at its time since the opening, and moves on a step every half day (StoryClock)
    const clock = new StoryClock(m);
    const services = demoServices(clock.manager(), clock);
    const { transitions, applications, intake, tx, assignments, formalChecks } = services;
    const outcomes = formalCheckOutcomes(getWorkflow('benefit', round.workflowVersion));
    /** The checker assigned to the application answers its checklist: every item 適, or the first 不適 with `reason`. */
    const check = async (applicationId: string, transition: string, reason?: string) => {
      const [assigned] = await m.query(
        `SELECT reviewer_id FROM application_assignment WHERE application_id = $1 AND purpose = 'formalCheck' AND revoked_at IS NULL`,
        [applicationId],
      );
      const checker = asUser(assigned ? await m.findOneByOrFail(StaffUser, { id: assigned.reviewer_id }) : reviewer);
      const { items } = await formalChecks.get(applicationId, checker);
      const answers = items.map((item, i) => ({
        code: item.code,
        passed: !(reason && i === 0),
        comment: reason && i === 0 ? reason : undefined,
        ...(item.passNeedsReason && !(reason && i === 0) ? { overrideReason: '売上台帳の写しで基準期間と対象月の売上高を確認しました。' } : {}),
      }));
      if (transition === SAVE_CHECKLIST) return void (await formalChecks.save(applicationId, answers.slice(1, 3), checker, {}));
      const outcome = outcomes.find((o) => o.transition === transition)!.outcome;
      await formalChecks.complete(applicationId, { outcome, answers, reason }, checker, {});
    };
    const actors: Record<Exclude<Step[1], 'checker'>, TransitionActor> = {
      intake: INTAKE,
      system: SYSTEM,
      reviewer: { role: 'reviewer', id: reviewer.id },
      manager: { role: 'manager', id: manager.id },
    };
    const r = demoRandom(2022_01);
    const accounts = demoRandom(2022_02);
    const states = Object.keys(PATHS);
    const total = states.length * 3;
    for (let k = 0; k < total; k++) {
      const state = states[k % states.length];
      const waived = k % 3 === 2;
      const applicant = demoApplicant(r, 900 + k);
      const base = r.int(8, 30) * 100_000;
      const at = arrival(opensAt, jstAt(now - 4 * DAY, 17), k, total);
      const app = await clock.at(at, async () =>
        applications.createDraft(tx, {
          roundId: round.id,
          categoryId: category.id,
          ...applicant,
          certifiedAdvisor: null,
          planTitle: null,
          planSummary: null,
          expenses: [],
          monthlySales: [],
          // 対象月 down 35–70% against the 基準期間 (2019-11〜2020-03): eligible
          benefitInput: {
            applicantKind: 'corporation',
            targetMonth: '2022-01',
            targetMonthSales: Math.round((base * r.int(30, 65)) / 100),
            basePeriod: '2019-11',
            basePeriodSales: [base, base, base, base, base],
            annualRevenue: base * 12,
          },
          preCheck: waived
            ? null
            : {
                confirmationNumber: `JK${String(100000000 + k * 7919).slice(-10)}`,
                agencyName: r.pick(['北海道商工会連合会', '東西銀行', 'みらい税理士法人']),
              },
          previousRecipient: waived,
          // an application left in the initial state (no step taken) has no 受付番号 yet
          receiptNumber: PATHS[state].length === 0 ? null : await intake.nextReceiptNumber(round.id, defaultReceiptPrefix(program.code, round.number), tx),
          receivedAt: PATHS[state].length === 0 ? null : new Date(at),
          channelId: channel?.id ?? null,
        }),
      );
      for (const [j, [transition, who, reason]] of PATHS[state].entries()) {
        const name = transition === 'confirmPreCheck' && waived ? 'waivePreCheck' : transition;
        const when = at + j * 12 * HOUR;
        if (who === 'checker') await clock.at(when, () => check(app.id, name, reason));
        else await clock.at(when, () => transitions.fireIn(tx, app.id, name, actors[who], { reason }));
        // a filed 申請 gets its checker an hour later (the round's auto-assignment, as the 割当ボード runs it)
        if (name === 'submit') await clock.at(when + HOUR, () => assignments.autoAssign(round.id, { purpose: 'formalCheck' }, asUser(manager), {}));
      }
      // 振込完了: the day's 支払バッチ two hours after the 給付決定, confirmed when the bank has transferred (docs/payments.md)
      if (state === 'transferred')
        await payInStory({ m, clock, services, r: accounts }, asUser(manager), round.id, [app.id], at + PATHS[state].length * 12 * HOUR + 2 * HOUR);
    }
    return `${total} applications of 事業復活支援金 in every state`;
  },
};
