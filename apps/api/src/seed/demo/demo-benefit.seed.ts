import type { TransitionActor } from '../../modules/applications/transitions.service';
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
import { demoServices } from './demo-services';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const ROUND_CODE = 'recoveryBenefit.demo';
const INTAKE: TransitionActor = { role: 'intake', id: null };
const SYSTEM: TransitionActor = { role: 'system', id: null };

type Step = [transition: string, who: 'intake' | 'system' | 'reviewer' | 'manager', reason?: string];
const SUBMITTED: Step[] = [
  ['confirmPreCheck', 'intake'],
  ['submit', 'intake'],
];
const IN_REVIEW: Step[] = [...SUBMITTED, ['startReview', 'system']];
const DEFICIENT: Step[] = [...IN_REVIEW, ['markDeficient', 'reviewer', '基準期間の売上台帳の写しが添付されていません。']];

/** Where each demo application of the 事業復活支援金 ends, by the transitions that take it there. */
const PATHS: Record<string, Step[]> = {
  idIssued: [],
  preChecked: [['confirmPreCheck', 'intake']],
  submitted: SUBMITTED,
  underReview: IN_REVIEW,
  deficient: DEFICIENT,
  resubmitted: [...DEFICIENT, ['resubmit', 'intake']],
  benefitDecided: [...IN_REVIEW, ['decideBenefit', 'manager']],
  transferred: [...IN_REVIEW, ['decideBenefit', 'manager'], ['recordTransfer', 'system']],
  notGranted: [...IN_REVIEW, ['refuseBenefit', 'manager', '対象月の売上高が、確認書類の記載と一致しません。']],
  withdrawn: [...SUBMITTED, ['withdraw', 'intake', '別の給付金を申請するため取り下げます。']],
};

/**
 * 事業復活支援金 in the demo: a benefit round open now, its applications in every state of benefit@1
 * (申請ID発行 → 事前確認 → 申請 → 審査 ⇄ 不備/再提出 → 給付決定 → 振込完了), each moved there by the
 * workflow's transitions. Every third applicant is an earlier 一時支援金/月次支援金 recipient whose
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
    const { transitions, applications, intake, tx } = demoServices(clock.manager());
    const actors: Record<Step[1], TransitionActor> = {
      intake: INTAKE,
      system: SYSTEM,
      reviewer: { role: 'reviewer', id: reviewer.id },
      manager: { role: 'manager', id: manager.id },
    };
    const r = demoRandom(2022_01);
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
        await clock.at(at + j * 12 * HOUR, () => transitions.fireIn(tx, app.id, name, actors[who], { reason }));
      }
    }
    return `${total} applications of 事業復活支援金 in every state`;
  },
};
