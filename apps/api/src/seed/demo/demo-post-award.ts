import { fiscalYearOf, jstDate } from '@jimukyoku/domain';
import { Application } from '../../modules/applications/application.entity';
import type { TransitionActor } from '../../modules/applications/transitions.service';
import type { PostAwardStep } from '../../modules/post-award/post-award-steps';
import type { FilingSource } from '../../modules/post-award/filing-checks';
import { defaultRepaymentDueDate } from '../../modules/post-award/repayment-rules';
import type { DemoContext } from './demo-applications.seed';
import { asUser } from './demo-services';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * subsidy@2's post-award half, through the services staff and the portal use (PostAwardService): the `k`-th
 * adopted application takes `paths[k]`, a step every 3 weeks from `from`. The applicant's filings arrive
 * through the demo's 受付窓口 (the 実績報告's evidence by post); the amounts are the rules': the 交付申請
 * contracts 95% of the adopted plan, the 実績報告 spends it, and the 確定検査 cuts one line by 10%.
 */
export async function postAwardPaths(ctx: DemoContext, adopted: string[], from: number, paths: string[][]) {
  const { services, m } = ctx;
  const manager = asUser(ctx.manager);
  const intake: TransitionActor = { role: 'intake', id: ctx.channelId };
  for (const [k, path] of paths.entries()) {
    if (!adopted[k]) break;
    for (const [j, step] of path.entries()) {
      await ctx.clock.at(from + j * 21 * DAY + k * HOUR, async () => {
        const app = await m.findOneByOrFail(Application, { id: adopted[k] });
        const contracted = app.expenses.map((e) => ({ ...e, amount: Math.floor((e.amount * 0.95) / 1000) * 1000 }));
        const file = (filing: PostAwardStep, dto: Record<string, unknown>, source: FilingSource = {}) =>
          services.postAward.fileIn(services.tx, app, filing, dto as never, intake, { channelId: ctx.channelId, ...source });
        switch (step) {
          case 'grantApplication':
            return file('grantApplication', { expenses: contracted });
          case 'performanceReport':
            return file('performanceReport', { expenses: contracted }, { documentsOnPaper: ['other'], note: '契約書・請求書・領収書の写しを郵送で受領' });
          case 'advancePayment':
            // the machine delivered and paid, the rest of the project still to come
            return file(
              'advancePayment',
              { expenses: contracted.slice(0, 1) },
              { documentsOnPaper: ['other'], note: '納品書・請求書・振込控の写しを郵送で受領' },
            );
          case 'advancePaymentInFull':
            // every expense delivered and paid before the project's end, all of it asked in advance
            return file(
              'advancePayment',
              { expenses: contracted },
              { documentsOnPaper: ['other'], note: '納品書・請求書・振込控の写しを郵送で受領（全経費）' },
            );
          case 'planChange':
            return file('planChange', { description: '導入する加工機の機種を同等性能の後継機種に変更したい' });
          case 'abandonment':
            return file('abandonment', { reason: '主要取引先の撤退により事業計画の前提が失われたため' });
          case 'decideGrant':
            return services.postAward.decideGrant(manager, app.id, {});
          case 'startFinalInspection':
            return services.transitions.fireIn(services.tx, app.id, 'startFinalInspection', { role: 'manager', id: manager.id }, {});
          case 'inspect':
            return services.postAward.inspect(
              manager,
              app.id,
              {
                lines: [{ index: 0, acceptedAmount: Math.floor((contracted[0].amount * 0.9) / 1000) * 1000, reason: '見積書と異なる付属品の購入分は対象外' }],
              } as never,
              {},
            );
          case 'inspectHalf':
            // the machine also serves work outside the project: half of each line is accepted
            return services.postAward.inspect(
              manager,
              app.id,
              {
                lines: contracted.map((e, index) => ({
                  index,
                  acceptedAmount: Math.floor(e.amount / 2000) * 1000,
                  reason: '補助事業以外の用途と兼用するため、按分した額のみ対象',
                })),
              } as never,
              {},
            );
          case 'inspectAsReported':
            return services.postAward.inspect(manager, app.id, { lines: [] } as never, {});
          case 'fixAmount':
            return services.postAward.fixAmount(manager, app.id, {});
          case 'approveAbandonment':
            return services.transitions.fireIn(services.tx, app.id, 'approveAbandonment', { role: 'manager', id: manager.id }, {});
          default:
            throw new Error(`unknown post-award demo step ${step}`);
        }
      });
    }
  }
}

/** The 年度 of an application's 額の確定 (JST). */
const fixedFiscalYear = (app: Application) => fiscalYearOf(jstDate(new Date(app.stamps.amountFixedAt!)));

/**
 * After the 支払 (subsidy@2, docs/post-award.md): `reporting` files its first yearly 事業化状況報告 through the portal;
 * `owing` has its grant revoked (返還請求中, the 納期限 a month away); `repaid` was revoked earlier and has repaid in
 * full (返還済). Each through the services staff and the portal use, at its time in the story.
 */
export async function afterPayment(ctx: DemoContext, projects: Record<'reporting' | 'owing' | 'repaid', string>, now: number) {
  const { services, m } = ctx;
  const manager = asUser(ctx.manager);
  const today = jstDate(new Date(now));
  await ctx.clock.at(now - 40 * DAY, () =>
    services.repayments.revoke(
      manager,
      projects.repaid,
      {
        reason: '補助対象経費として報告された加工機が、補助事業以外の用途に転用されていたため',
        ground: 'general',
        dueDate: defaultRepaymentDueDate(today, 15),
      },
      {},
    ),
  );
  await ctx.clock.at(now - 20 * DAY, async () => {
    const app = await m.findOneByOrFail(Application, { id: projects.reporting });
    const intake: TransitionActor = { role: 'intake', id: ctx.channelId };
    // the 年度 the project ended in (its 額の確定): the first a report may name (docs/post-award.md)
    const fiscalYear = fixedFiscalYear(app);
    return services.postAward.fileIn(services.tx, app, 'commercializationReport', { fiscalYear, sales: 48_600_000 } as never, intake, {
      channelId: ctx.channelId,
    });
  });
  await ctx.clock.at(now - 10 * DAY, () =>
    services.repayments.revoke(
      manager,
      projects.owing,
      { reason: '実績報告に記載の経費について、相見積の書類に虚偽の記載が判明したため', ground: 'general', dueDate: defaultRepaymentDueDate(today, 30) },
      {},
    ),
  );
  const [claim] = await m.query(`SELECT amount::float8 AS amount FROM repayment_claim WHERE application_id = $1`, [projects.repaid]);
  await ctx.clock.at(now - 5 * DAY, () =>
    services.repayments.receive(manager, projects.repaid, { receivedOn: jstDate(new Date(now - 5 * DAY)), amount: claim.amount, note: '全額の振込を確認' }, {}),
  );
}

/**
 * The first `count` yearly 事業化状況報告 of a paid project, each filed through the portal ten days before it is due
 * (the schedule written at its 額の確定); the fifth ends the reporting period (報告期間終了).
 */
export async function yearlyReports(ctx: DemoContext, applicationId: string, count: number) {
  const due: { due_date: string }[] = await ctx.m.query(
    `SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM commercialization_report WHERE application_id = $1 ORDER BY sequence LIMIT $2`,
    [applicationId, count],
  );
  const intake: TransitionActor = { role: 'intake', id: ctx.channelId };
  for (const [i, { due_date }] of due.entries()) {
    const at = Date.parse(`${due_date}T10:00:00+09:00`) - 10 * DAY;
    await ctx.clock.at(at, async () => {
      const app = await ctx.m.findOneByOrFail(Application, { id: applicationId });
      // the n-th report names the n-th 年度 from the one of the 額の確定 (begun by then: it is due n years after it)
      const fiscalYear = fixedFiscalYear(app) + i;
      return ctx.services.postAward.fileIn(
        ctx.services.tx,
        app,
        'commercializationReport',
        { fiscalYear, sales: 30_000_000 + i * 4_500_000 } as never,
        intake,
        {
          channelId: ctx.channelId,
        },
      );
    });
  }
}
