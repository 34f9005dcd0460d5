import { Injectable } from '@nestjs/common';
import { findTransition, getWorkflow, refusalWhileDecisionHeld, runGuard, statesEndingReporting, type WorkflowDefinition } from '@jimukyoku/workflow';
import { isAllowed, type PolicyAction } from '../../auth/policy';
import type { AuthenticatedUser } from '../../auth/roles';
import type { Transaction } from '../../database';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { workflowInputs } from '../applications/workflow-inputs';
import { amountsView } from './amounts-view';
import { CommercializationReportsRepository } from './commercialization-reports.repository';
import { PostAwardRepository } from './post-award.repository';
import {
  appliesForGrantOnSubmission,
  DECIDE_GRANT,
  FIX_AMOUNT,
  keepsAmounts,
  POST_AWARD_STEPS,
  RECORD_REPAYMENT,
  REVOKE_GRANT,
  SETTLE_ADVANCE_EXCESS,
  STEP_LABELS,
  STEP_TRANSITIONS,
  type PostAwardStep,
} from './post-award-steps';
import { repaymentView } from './repayment-view';
import { RepaymentsRepository } from './repayments.repository';

/** Guards of a step's transition that its filing itself satisfies (the amount it prices), not judged before it. */
const COMPUTED_AS_FILED: readonly string[] = ['amountComputed'];

/**
 * The amounts and filings of an application as GET /api/applications/:id/post-award shows them (docs/post-award.md),
 * and which of the post-award routes this user may use now (the admin's buttons): the transition they fire starts
 * from the application's state in its definition, and the user's policy allows it.
 */
@Injectable()
export class PostAwardView {
  constructor(
    private readonly repo: PostAwardRepository,
    private readonly applications: ApplicationsRepository,
    private readonly repayments: RepaymentsRepository,
    private readonly reports: CommercializationReportsRepository,
  ) {}

  async of(app: Application, tx: Transaction, user?: AuthenticatedUser) {
    const amounts = await this.repo.findAmount(app.id, tx);
    const filings = await this.repo.filingsOf(app.id, tx);
    const claim = await this.repayments.findClaim(app.id, tx);
    const definition = getWorkflow(app.workflowCode, app.workflowVersion);
    // a 概算払 is offered only where the round allows it (docs/post-award.md "概算払")
    const advanceAllowed = await this.repo.advancePaymentAllowed(app.roundId, tx);
    // an open payment batch carrying it: no 交付決定取消 until that batch is confirmed or cancelled (docs/payments.md)
    const paymentBatch = await this.applications.openPaymentBatchOf(app.id, tx);
    const offered = (transition: string, policy: PolicyAction) =>
      !!user && isAllowed(user.role, policy) && (findTransition(definition, transition)?.from.includes(app.status) ?? false);
    return {
      applicationId: app.id,
      status: app.status,
      version: app.version,
      amounts: amountsView(amounts, await this.repo.advancePaid(app.id, tx)),
      // false: this workflow keeps no amounts (subsidy@1 …), so `amounts` stays null past the 交付申請 too
      amountsKept: keepsAmounts(definition),
      paymentBatch,
      repayment: repaymentView(claim, claim ? await this.repayments.received(app.id, tx) : []),
      // ended (交付決定取消, 返還済, 事業廃止, 報告期間終了 …): its unfiled reports are no longer due, as the overdue list and the reminders say
      reportingEnded: statesEndingReporting([definition]).includes(app.status),
      commercializationReports: (await this.reports.ofApplication(app.id, tx)).map((r) => ({
        id: r.id,
        sequence: r.sequence,
        dueDate: r.dueDate,
        reportedAt: r.reportedAt,
        remindedAt: r.remindedAt,
      })),
      filings: filings.map((f) => ({ ...f, stepLabel: STEP_LABELS[f.step] })),
      actions: {
        // an IT導入 application is its own 交付申請: its amounts are recorded with the 交付決定
        decideGrant: offered(DECIDE_GRANT, 'postAward.decideGrant') && (!!amounts || appliesForGrantOnSubmission(definition)),
        inspect: offered(FIX_AMOUNT, 'postAward.inspect') && !!amounts?.actualExpenses,
        fixAmount: offered(FIX_AMOUNT, 'postAward.fixAmount') && !!amounts?.inspection,
        // 交付決定取消 (the 返還額 computed) and the repayments received until the 返還 is complete
        revokeGrant: offered(REVOKE_GRANT, 'postAward.revokeGrant') && !paymentBatch,
        recordRepayment:
          (offered(RECORD_REPAYMENT, 'postAward.recordRepayment') || offered(SETTLE_ADVANCE_EXCESS, 'postAward.recordRepayment')) && !!claim && !claim.repaidAt,
        // the steps a manager may record from paper now (an application that came on paper only)
        paperSteps: app.channelId
          ? []
          : await this.guardsAllow(
              app,
              definition,
              POST_AWARD_STEPS.filter(
                (step) => offered(STEP_TRANSITIONS[step], 'applications.recordOnBehalf') && (step !== 'advancePayment' || advanceAllowed),
              ),
              tx,
            ),
      },
    };
  }

  /**
   * The steps whose transition's guards let it through now: a 交付申請 before the 採択発表 would be refused
   * (afterAnnouncement), nor any step after a decision not yet announced, so it is not offered. The amount a filing computes (amountComputed) is judged as it is filed.
   */
  private async guardsAllow(app: Application, definition: WorkflowDefinition, steps: PostAwardStep[], tx: Transaction): Promise<PostAwardStep[]> {
    if (steps.length === 0) return steps;
    const { snapshot, context } = await workflowInputs(this.applications, app, tx);
    const now = await this.applications.dbNow(tx);
    return steps.filter((step) => {
      const transition = findTransition(definition, STEP_TRANSITIONS[step]);
      // after a decision not yet announced nothing is offered (libs/workflow announcement.ts)
      if (refusalWhileDecisionHeld(snapshot, transition ?? {})) return false;
      return (transition?.guards ?? [])
        .filter((guard) => !COMPUTED_AS_FILED.includes(guard))
        .every((guard) => runGuard(guard, snapshot, { ...context, now }) === true);
    });
  }
}
