import { Inject, Injectable, Optional } from '@nestjs/common';
import { explainTransitions, findState, getWorkflow, stateHasTag } from '@jimukyoku/workflow';
import { isAllowed } from '../../auth/policy';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import { AppConfig, APP_CONFIG, DEFAULT_LIST_EXACT_COUNT_LIMIT } from '../../config';
import type { Transaction } from '../../database';
import { AuditRepository } from '../audit/audit.repository';
import { draftApplication, type DraftContext, type DraftInput } from './application-drafts';
import type { ApplicationListRow } from './application-list.repository';
import type { Application } from './application.entity';
import type { ApplicationFilter } from './application-list-spec';
import { ApplicationsRepository } from './applications.repository';
import { ReconsiderationService } from './reconsideration.service';
import { ApplicationError } from './transitions.errors';
import { workflowInputs } from './workflow-inputs';
import { stateLabel } from './state-label';
import { asSeenBy } from './reviewer-view';

export type ApplicationRow = ApplicationListRow & { statusLabel: string };

export type { DraftInput } from './application-drafts';

/** Reading applications (scoped to what the user may see) and creating drafts with their quote. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly audit: AuditRepository,
    private readonly reconsideration: ReconsiderationService,
    // optional: the demo seed builds this service by hand to create drafts, and lists nothing
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  /**
   * A page of the list, its total and whether that total is an estimate: exact up to `exactCountLimit`
   * rows (LIST_EXACT_COUNT_LIMIT unless the caller needs another bound), the planner's estimate beyond.
   */
  async list(
    query: ListQuery<ApplicationFilter>,
    user: AuthenticatedUser,
    exactCountLimit = this.config?.listExactCountLimit ?? DEFAULT_LIST_EXACT_COUNT_LIMIT,
  ): Promise<[ApplicationRow[], number, boolean]> {
    const { rows, total, estimated } = await this.repo.list(query, user, exactCountLimit);
    return [rows.map((a) => Object.assign(a, { statusLabel: stateLabel(a) })), total, estimated];
  }

  /** One application with its audit timeline and the transitions this user may fire now (the buttons). */
  async show(id: string, user: AuthenticatedUser) {
    const app = await this.repo.findVisible(id, user);
    if (!app) throw new ApplicationError('APPLICATION_NOT_FOUND');
    const definition = getWorkflow(app.workflowCode, app.workflowVersion);
    const { snapshot, context } = await workflowInputs(this.repo, app, undefined);
    const now = await this.repo.dbNow();
    const options = explainTransitions(definition, snapshot, { role: user.role, id: user.id }, now, context);
    // a reviewer: their own assignments, and no one's totals before their own review is in (reviewer-view.ts)
    const { assignments, timeline } = asSeenBy(
      user,
      await this.repo.assignmentsOf(app.id),
      await this.audit.describe(await this.audit.forEntity('application', app.id)),
    );
    // a decision (採択/補欠/不採択) is on offer: the 類型's 予算 as it stands, for the confirmation
    const deciding = options.some((o) => o.allowed && (o.transition.overridableGuards ?? []).includes('withinBudget'));
    // carried by an open payment batch, it leaves its state only by that batch's confirmation (TransitionsService
    // refuses the rest, docs/payments.md "Leaving a payment state"): no button meanwhile, and the batch named instead
    const paymentBatch = stateHasTag(definition, app.status, 'awaitsPayment') ? await this.repo.openPaymentBatchOf(app.id) : null;
    const adoption = context.adoption && !context.adoption.byDecision ? context.adoption : null;
    return {
      ...app,
      statusLabel: stateLabel(app),
      budgetEffect: deciding && adoption ? { budget: adoption.budget, adoptedAmount: adoption.adoptedAmount, amount: adoption.amount } : null,
      // a paper application waiting on its applicant's 補正: this user may record what came by post
      paperResubmission:
        isAllowed(user.role, 'applications.recordOnBehalf') && app.channelId === null && stateHasTag(definition, app.status, 'returnedToApplicant'),
      paymentBatch,
      transitions: options
        .filter((o) => o.allowed && !paymentBatch)
        .map((o) => ({
          name: o.transition.name,
          label: o.transition.label,
          to: o.transition.to,
          toLabel: findState(definition, o.transition.to)?.label,
          requiresReason: o.requiresReason,
          // why a reason is asked for (a 採択 before the 応募締切 or beyond the 予算): the manager overrides it
          overrideReasons: o.overridable?.map((f) => f.message) ?? [],
        })),
      timeline,
      // 採択額, 交付決定額, 確定検査 and 確定額, each computed by the rules (docs/post-award.md); null before the 交付申請
      postAward: await this.repo.postAwardAmounts(app.id),
      assignments,
      // 別の類型で再審査: the 類型 this user may move it to now ([]: no button); docs/reconsideration.md
      reconsiderationTargets: await this.reconsideration.targetsFor(app, user),
      reconsideredFrom: app.reconsideredFromCategoryId
        ? { categoryId: app.reconsideredFromCategoryId, name: (await this.repo.categoryOf(app.reconsideredFromCategoryId)).name }
        : null,
    };
  }

  /**
   * A new application in its workflow's initial state (see application-drafts.ts), written in `tx`.
   * `context` is the round, programme and category when the caller already loaded them (intake).
   */
  async createDraft(tx: Transaction, input: DraftInput, context?: DraftContext): Promise<Application> {
    return this.repo.insert(draftApplication(input, context ?? (await this.repo.draftContext(input.roundId, input.categoryId, tx))), tx);
  }
}
