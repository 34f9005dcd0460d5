import { Injectable } from '@nestjs/common';
import { advanceExcess, advancePaymentDue, formatJstDate, formatYen, jstDate, paidInFullInAdvance, type ExpenseLine } from '@jimukyoku/domain';
import { findTransition, getWorkflow } from '@jimukyoku/workflow';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import { quoteApplication } from '../applications/application-quote';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionRefused } from '../applications/transitions.errors';
import { TransitionsService, type TransitionActor } from '../applications/transitions.service';
import { AuditService } from '../audit/audit.service';
import type { FinalInspectionDto, PaperFilingDto, PostAwardFilingDto } from './dto/post-award.dto';
import type { AmountFixingDto } from './dto/repayment.dto';
import {
  alreadyReported,
  excludedFromPlanChange,
  fiscalYearRefusal,
  invalid,
  missingFilingFields,
  refusalBeforeContent,
  stepOutsideProcedure,
  type FieldError,
  type FilingSource,
} from './filing-checks';
import { GrantScope } from './grant-scope.service';
import { inspectedLines } from './inspection-lines';
import { aboveAdopted, noGrantAmounts, PostAwardError } from './post-award.errors';
import { PostAwardView } from './post-award-view.service';
import { PostAwardRepository } from './post-award.repository';
import { CommercializationReportsRepository } from './commercialization-reports.repository';
import { RepaymentsRepository } from './repayments.repository';
import { ADVANCE_EXCESS } from './repayment.entity';
import { ADVANCE_EXCESS_DUE_DAYS, checkRepaymentDueDate, defaultRepaymentDueDate } from './repayment-rules';
import {
  appliesForGrantOnSubmission,
  keepsAmounts,
  CLOSE_REPORTING,
  DECIDE_GRANT,
  reportsCommercialization,
  FIX_AMOUNT,
  SETTLE_BY_ADVANCE_PAYMENT,
  CLAIM_ADVANCE_EXCESS,
  STEP_TRANSITIONS,
  type PostAwardStep,
} from './post-award-steps';
import { expenseTypeLabel } from '../programs/expense-type-label';

/** The quote of `expenses` for `app` under its category's rules: the one mapping (application-quote.ts). */
type Quoted = {
  amount: number;
  quote: Record<string, unknown> & {
    eligible?: boolean;
    problems?: FieldError[];
    ineligibility?: { message: string }[];
    floor?: { met: boolean; computed: number } | null;
    excludedLines?: { index: number; reason: string }[];
  };
};

/**
 * The 補助金's post-award half (docs/post-award.md). The applicant's filings after 採択 — through the portal
 * (intake API) or recorded by staff from paper — fire their workflow transition and are kept with what they
 * carried; the amounts are computed by the rules (quote() through application-quote.ts), never typed:
 * - 交付申請: its expenses are quoted; above the 採択額 (the quoted amount when adopted) it is refused (422).
 * - 交付決定額: the quote of the 交付申請's expenses, fired with decideGrant (guard amountComputed).
 * - 確定検査: the inspector accepts each actual expense line as reported or less, with a reason when less.
 * - 確定額: the quote of the accepted expenses, capped at the 交付決定額, fired with fixAmount.
 * Each in one transaction with the state change, its audit record and the applicant's mail.
 */
@Injectable()
export class PostAwardService {
  constructor(
    private readonly repo: PostAwardRepository,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly repayments: RepaymentsRepository,
    private readonly reports: CommercializationReportsRepository,
    private readonly grantScope: GrantScope,
    private readonly views: PostAwardView,
  ) {}

  /**
   * Files `step` for `app` inside the caller's transaction: the fields the step needs, its transition (the
   * workflow refuses a step the application's state or version does not offer), then what it carries.
   */
  async fileIn(
    tx: Transaction,
    app: Application,
    step: PostAwardStep,
    dto: PostAwardFilingDto,
    actor: TransitionActor,
    source: FilingSource,
    meta: RequestMeta & { auditExtra?: Record<string, unknown> } = {},
  ): Promise<Application> {
    // what the body and the programme's procedure alone decide comes first: answered alike whatever was decided
    const outsideProcedure = stepOutsideProcedure(app, step);
    if (outsideProcedure) throw new PostAwardError('STEP_NOT_IN_PROCEDURE', { step }, outsideProcedure);
    const missing = missingFilingFields(step, dto, source);
    if (missing.length) throw invalid(missing);
    const refused = refusalBeforeContent(app, step, await this.applications.heldDecisionOf(app.id, tx));
    if (refused) throw new TransitionRefused(refused.code, refused.message);
    if (step === 'commercializationReport') {
      // the application's row first, held until the report is written: of two reports of one 年度 sent at once, the
      // second reads the first's filing (README "Two requests at once"); the transition's own lock comes too late,
      // as 事業化状況報告中 → 事業化状況報告中 refuses nothing
      const locked = await this.applications.findLocked(app.id, tx);
      const today = jstDate(await this.applications.dbNow(tx));
      // the 年度 of the project's end (its 額の確定, the stamp every subsidy version writes) to the current one
      const fixedAt = locked?.stamps.amountFixedAt ? new Date(locked.stamps.amountFixedAt) : null;
      const refusal = fiscalYearRefusal(dto.fiscalYear!, today, fixedAt, await this.repo.fiscalYearReportedAt(app.id, dto.fiscalYear!, tx));
      if (refusal) throw refusal;
    }
    const expenses = (dto.expenses ?? []) as ExpenseLine[];
    // 交付申請: the expenses as they will be contracted, quoted before the state changes (a refusal writes nothing)
    const grant = step === 'grantApplication' ? await this.quoteGrantApplication(tx, app, expenses) : null;
    // 概算払: the rules' quote of the expenses paid so far, at most what is left of the 交付決定額
    const advance = step === 'advancePayment' ? await this.advanceAmount(tx, app, expenses) : null;
    // a 実績報告's and a 計画変更's lines well formed, of the 類型's 経費区分 (any amount: what was spent, what is planned);
    // a 計画変更's, none the 類型 excludes
    const described = step === 'performanceReport' || (step === 'planChange' && expenses.length) ? await this.quoteExpenses(tx, app, expenses, true) : null;
    const excluded = step === 'planChange' ? excludedFromPlanChange(described?.quote.excludedLines ?? []) : [];
    if (excluded.length) throw invalid(excluded);
    // a 実績報告 or 概算払 claims only the 経費区分 the grant covers (grant-scope.service.ts)
    const outside = step === 'performanceReport' || step === 'advancePayment' ? await this.grantScope.linesOutside(tx, app, expenses) : [];
    if (outside.length) throw invalid([...outside]);
    const reason = step === 'abandonment' || step === 'withdrawal' ? dto.reason!.trim() : undefined;
    const { application } = await this.transitions.fireIn(tx, app.id, STEP_TRANSITIONS[step], actor, {
      reason,
      requestId: meta.requestId,
      ip: meta.ip,
      ...(advance ? { amount: { computed: advance.amount } } : {}),
      auditExtra: {
        step,
        ...(grant ? { requestedAmount: grant.amount, adoptedAmount: app.quotedAmount } : {}),
        ...(advance ? { advanceAmount: advance.amount, computedAmount: advance.computed, advancePaid: advance.paid } : {}),
        ...(source.attachmentIds?.length ? { attachmentIds: source.attachmentIds } : {}),
        ...meta.auditExtra,
      },
    });
    if (grant)
      await this.repo.saveGrantApplication(
        { applicationId: app.id, adoptedAmount: app.quotedAmount, grantExpenses: expenses, grantQuote: grant.quote, requestedAmount: grant.amount },
        tx,
      );
    if (step === 'performanceReport') await this.repo.setActualExpenses(app.id, expenses, tx);
    if (advance) await this.repo.setAdvanceRequested(app.id, advance.amount, tx);
    const filing = await this.repo.insertFiling(
      {
        applicationId: app.id,
        step,
        expenses: dto.expenses ? expenses : null,
        details: {
          ...(dto.reason !== undefined ? { reason: dto.reason } : {}),
          ...(dto.description !== undefined ? { description: dto.description } : {}),
          ...(dto.fiscalYear !== undefined ? { fiscalYear: dto.fiscalYear } : {}),
          ...(dto.sales !== undefined ? { sales: dto.sales } : {}),
        },
        attachmentIds: source.attachmentIds ?? [],
        documentsOnPaper: source.documentsOnPaper ?? null,
        note: source.note ?? null,
        channelId: source.channelId ?? null,
        recordedBy: source.recordedBy ?? null,
      },
      tx,
    );
    // the unique index behind the check above, met only by a report written without the application's lock
    if (!filing) throw alreadyReported(dto.fiscalYear!, null);
    // the yearly report fulfils the earliest open one of the schedule written at the 額の確定; the last one ends the
    // reporting period (報告期間終了), in the same transaction
    if (step === 'commercializationReport') {
      await this.reports.fulfilNext(app.id, filing.id, tx);
      if (await this.reports.allFiled(app.id, tx)) {
        const closed = await this.transitions.fireIn(
          tx,
          app.id,
          CLOSE_REPORTING,
          { role: 'system', id: null },
          { ...meta, auditExtra: { lastReportFilingId: filing.id } },
        );
        return closed.application;
      }
    }
    return application;
  }

  /**
   * A post-award step received on paper, recorded by a manager on the applicant's behalf (the pattern of
   * POST /api/applications/:id/paper-resubmissions): the same checks as the portal's, the documents received
   * and the note in the audit record. An application filed through the portal files there.
   */
  fileOnPaper(user: AuthenticatedUser, applicationId: string, dto: PaperFilingDto, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const app = await this.applications.findVisible(applicationId, user, tx);
      if (!app) throw new PostAwardError('APPLICATION_NOT_FOUND');
      if (app.channelId) throw new PostAwardError('FILE_ON_PAPER_ONLY');
      const documents = [...new Set(dto.documents)];
      const note = dto.note.trim();
      const application = await this.fileIn(
        tx,
        app,
        dto.step,
        dto,
        { role: 'intake', id: user.id, staff: user },
        { recordedBy: user.id, documentsOnPaper: documents, note },
        { ...meta, auditExtra: { onBehalfOfApplicant: true, documentsOnPaper: documents, note } },
      );
      return this.views.of(application, tx, user);
    });
  }

  /**
   * 交付決定: the 交付決定額 is the quote of the 交付申請's expenses (never above the 採択額), fired with decideGrant. Where
   * the application is its own 交付申請 (IT導入), its expenses and 申請額 are recorded as the 交付申請 first: the 申請額
   * bounds the 交付決定額 as a 採択額 does (docs/post-award.md "Amounts, each from the rules").
   */
  decideGrant(user: AuthenticatedUser, applicationId: string, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const app = await this.visible(user, applicationId, tx);
      const definition = getWorkflow(app.workflowCode, app.workflowVersion);
      // subsidy@1 decides its grant by the bare transition: say so, rather than that its 交付申請 has no expenses
      if (!keepsAmounts(definition)) throw noGrantAmounts(app, 'decideGrant');
      const own = appliesForGrantOnSubmission(definition);
      if (own)
        await this.repo.saveGrantApplication(
          {
            applicationId: app.id,
            adoptedAmount: app.quotedAmount,
            grantExpenses: app.expenses,
            grantQuote: app.quote ?? {},
            requestedAmount: app.quotedAmount,
          },
          tx,
        );
      const amounts = await this.repo.findAmount(app.id, tx, true);
      if (!amounts) throw new PostAwardError('NO_GRANT_APPLICATION');
      const q = await this.quoteExpenses(tx, app, amounts.grantExpenses, false, own ? app.requestedAmount : null);
      if (q.amount > amounts.adoptedAmount) throw aboveAdopted(q.amount, amounts.adoptedAmount);
      const { application } = await this.transitions.fireIn(
        tx,
        app.id,
        DECIDE_GRANT,
        { role: user.role, id: user.id, staff: user },
        { amount: { computed: q.amount }, ...meta, auditExtra: { grantAmount: q.amount, adoptedAmount: amounts.adoptedAmount } },
      );
      await this.repo.setGrantAmount(app.id, q.amount, tx);
      return this.views.of(application, tx, user);
    });
  }

  /**
   * 確定検査: each line of the 実績報告 accepted as reported unless named, a named one at most as reported and,
   * when less, with the inspector's reason. Recorded (audited) while the application is in 確定検査; recorded
   * again, it replaces the last.
   */
  inspect(user: AuthenticatedUser, applicationId: string, dto: FinalInspectionDto, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      // the amounts first, locked as the 額の確定 locks them; the state is read after, so an inspection never lands
      // on an application whose amount was fixed meanwhile
      const amounts = await this.repo.findAmount((await this.visible(user, applicationId, tx)).id, tx, true);
      const app = await this.visible(user, applicationId, tx);
      const fixing = findTransition(getWorkflow(app.workflowCode, app.workflowVersion), FIX_AMOUNT);
      if (!fixing?.from.includes(app.status)) throw new PostAwardError('NOT_IN_INSPECTION');
      // subsidy@1 may decide a grant by the bare transition: no amounts to inspect against
      if (!amounts) throw noGrantAmounts(app);
      const actual = amounts.actualExpenses;
      if (!actual) throw new PostAwardError('NO_PERFORMANCE_REPORT');
      const { config } = await this.applications.categoryOf(app.categoryId, tx);
      const lines = inspectedLines(actual, dto.lines, (code) => expenseTypeLabel(config, code));
      await this.repo.setInspection(app.id, lines, user.id, tx);
      const adjusted = lines.filter((l) => l.accepted !== l.reported);
      await this.audit.record(
        {
          actor: { id: user.id, role: user.role },
          action: 'finalInspection.recorded',
          entityType: 'application',
          entityId: app.id,
          changes: { adjustments: adjusted, acceptedTotal: lines.reduce((s, l) => s + l.accepted, 0) },
          ...meta,
        },
        tx,
      );
      return this.views.of(app, tx, user);
    });
  }

  /** 額の確定: the 確定額 is the quote of the accepted expenses, never above the 交付決定額, fired with fixAmount. */
  fixAmount(user: AuthenticatedUser, applicationId: string, meta: RequestMeta, dto: AmountFixingDto = {}) {
    return this.uow.run(async (tx) => {
      const app = await this.visible(user, applicationId, tx);
      const amounts = await this.repo.findAmount(app.id, tx, true);
      if (!amounts) throw noGrantAmounts(app);
      if (!amounts.inspection) throw new PostAwardError('NOT_INSPECTED');
      if (amounts.grantAmount === null) throw new PostAwardError('NO_GRANT_APPLICATION', {}, '交付決定額が記録されていないため、確定額を算定できません。');
      const actual = amounts.actualExpenses ?? [];
      const accepted = amounts.inspection.map((l) => ({ ...actual[l.index]!, amount: l.accepted }));
      const q = await this.quoteExpenses(tx, app, accepted, true);
      // the 確定額 never exceeds the 交付決定額: spending more than planned does not raise the grant
      const fixed = Math.min(q.amount, amounts.grantAmount);
      const advancePaid = await this.repo.advancePaid(app.id, tx);
      // nothing to pay and nothing paid: a 0円 確定額 would await a payment no batch can make (docs/post-award.md "額の確定")
      if (fixed === 0 && advancePaid === 0) throw new PostAwardError('NOTHING_FIXED');
      const { application } = await this.transitions.fireIn(
        tx,
        app.id,
        FIX_AMOUNT,
        { role: user.role, id: user.id, staff: user },
        { amount: { computed: fixed }, ...meta, auditExtra: { fixedAmount: fixed, computedAmount: q.amount, grantAmount: amounts.grantAmount } },
      );
      await this.repo.setFixedAmount(app.id, fixed, q.quote, tx);
      // the five yearly 事業化状況報告 are due from the 額の確定's JST day (docs/post-award.md "事業化状況報告の予定"); IT導入 has none
      if (reportsCommercialization(getWorkflow(app.workflowCode, app.workflowVersion)))
        await this.reports.schedule(app.id, jstDate(await this.applications.dbNow(tx)), tx);
      // the 概算払 paid it all: nothing is left for a batch to transfer, the 精算 is complete now (docs/post-award.md "概算払")
      if (paidInFullInAdvance(fixed, advancePaid)) {
        const settled = await this.transitions.fireIn(
          tx,
          app.id,
          SETTLE_BY_ADVANCE_PAYMENT,
          { role: 'system', id: null },
          {
            amount: { computed: fixed },
            settlement: { fixedAmount: fixed, advancePaid },
            ...meta,
            auditExtra: { fixedAmount: fixed, advancePaid, paidAmount: 0 },
          },
        );
        return this.views.of(settled.application, tx, user);
      }
      // it paid more: the excess is claimed back now (補助金適正化法 第18条第2項; docs/post-award.md "概算払")
      const excess = advanceExcess(fixed, advancePaid);
      if (excess > 0) {
        const claimed = await this.claimAdvanceExcess(tx, user, app.id, { fixed, advancePaid, excess, dueDate: dto.repaymentDueDate }, meta);
        return this.views.of(claimed, tx, user);
      }
      return this.views.of(application, tx, user);
    });
  }

  /**
   * The 額の確定 left a 確定額 below what the 概算払 paid: the system claims the excess back in the same transaction, a
   * 返還 of its own ground with the 納期限 the manager set (at least REPAYMENT_DUE_MIN_DAYS ahead) or one
   * ADVANCE_EXCESS_DUE_DAYS after today in JST (or the next banking day), recorded and completed through the repayment routes as a revoked
   * grant's is (repayments.service.ts). A refused 納期限 refuses the whole 額の確定: nothing is kept.
   */
  private async claimAdvanceExcess(
    tx: Transaction,
    user: AuthenticatedUser,
    applicationId: string,
    { fixed, advancePaid, excess, dueDate: setDueDate }: { fixed: number; advancePaid: number; excess: number; dueDate?: string },
    meta: RequestMeta,
  ) {
    const today = jstDate(await this.applications.dbNow(tx));
    if (setDueDate) checkRepaymentDueDate(setDueDate, today, 'repaymentDueDate');
    const dueDate = setDueDate ?? defaultRepaymentDueDate(today, ADVANCE_EXCESS_DUE_DAYS);
    const reason = `確定額 ${formatYen(fixed)} に対し、概算払で ${formatYen(advancePaid)} をお支払いしています（補助金等に係る予算の執行の適正化に関する法律 第18条第2項）。`;
    const claimed = await this.transitions.fireIn(
      tx,
      applicationId,
      CLAIM_ADVANCE_EXCESS,
      { role: 'system', id: null },
      {
        reason,
        amount: { computed: excess },
        settlement: { fixedAmount: fixed, advancePaid },
        mailFacts: { repaymentDueDate: formatJstDate(dueDate) },
        ...meta,
        auditExtra: { fixedAmount: fixed, advancePaid, repaymentAmount: excess, dueDate },
      },
    );
    await this.repayments.insertClaim(
      { applicationId, amount: excess, paidAmount: advancePaid, ground: ADVANCE_EXCESS, reason, dueDate, revokedBy: user.id },
      tx,
    );
    return claimed.application;
  }

  /** GET /api/applications/:id/post-award (post-award-view.service.ts). */
  async show(user: AuthenticatedUser, applicationId: string) {
    return this.uow.run(async (tx) => this.views.of(await this.visible(user, applicationId, tx), tx, user));
  }

  private async visible(user: AuthenticatedUser, applicationId: string, tx: Transaction): Promise<Application> {
    const app = await this.applications.findVisible(applicationId, user, tx);
    if (!app) throw new PostAwardError('APPLICATION_NOT_FOUND');
    return app;
  }

  /**
   * A 概算払 (docs/post-award.md "概算払"): only where the round allows it; the rules' quote of every expense paid so far,
   * at most the 交付決定額, less what was already paid in advance (libs/domain advancePaymentDue).
   */
  private async advanceAmount(tx: Transaction, app: Application, expenses: ExpenseLine[]) {
    if (!(await this.repo.advancePaymentAllowed(app.roundId, tx))) throw new PostAwardError('ADVANCE_PAYMENT_NOT_ALLOWED');
    const amounts = await this.repo.findAmount(app.id, tx, true);
    if (amounts?.grantAmount === null || amounts?.grantAmount === undefined)
      throw new PostAwardError('NO_GRANT_APPLICATION', {}, '交付決定額が記録されていないため、概算払の額を算定できません。');
    const { amount: computed } = await this.quoteExpenses(tx, app, expenses, true);
    const paid = await this.repo.advancePaid(app.id, tx);
    const amount = advancePaymentDue(computed, amounts.grantAmount, paid);
    if (amount <= 0 && paid < amounts.grantAmount)
      throw new PostAwardError(
        'NO_ADVANCE_LEFT',
        { advancePaid: paid, computedAmount: computed },
        `請求の経費から算定した額 ${formatYen(computed)} は、概算払で支払済みの額 ${formatYen(paid)} を超えていません。概算払の請求には、これまでに支払った経費のすべて（前回までの請求分を含む）を記載してください。`,
      );
    if (amount <= 0) throw new PostAwardError('NO_ADVANCE_LEFT', { advancePaid: paid, grantAmount: amounts.grantAmount });
    return { amount, computed, paid };
  }

  private async quoteGrantApplication(tx: Transaction, app: Application, expenses: ExpenseLine[]): Promise<Quoted> {
    const q = await this.quoteExpenses(tx, app, expenses);
    if (q.amount > app.quotedAmount) throw aboveAdopted(q.amount, app.quotedAmount);
    return q;
  }

  /**
   * `expenses` quoted for `app` under its category (the round's rule set); malformed lines are a 422 naming
   * them. `allowIneligible`: what was spent (reported, paid in advance, accepted by the 確定検査) may fall below the
   * floor, a condition of applying: the rules still give their amount.
   */
  private async quoteExpenses(
    tx: Transaction,
    app: Application,
    expenses: ExpenseLine[],
    allowIneligible = false,
    requestedAmount: number | null = null,
  ): Promise<Quoted> {
    const category = await this.applications.categoryOf(app.categoryId, tx);
    if (category.config.kind !== 'subsidy') throw new PostAwardError('NOT_A_SUBSIDY');
    // the rules' amount for these expenses (the 採択額 bounds it elsewhere), not the application's 申請額 — unless the
    // application is its own 交付申請 (IT導入), whose 申請額 is what it applied for
    const q = quoteApplication(category.config, { ...app, expenses, requestedAmount }) as Quoted;
    const problems = q.quote.problems ?? [];
    if (problems.length) throw invalid(problems.map((p) => ({ field: p.field, message: p.message })));
    if (!allowIneligible && q.quote.eligible === false && (q.quote.ineligibility ?? []).length)
      throw invalid((q.quote.ineligibility ?? []).map((i) => ({ field: 'expenses', message: i.message })));
    // the floor is a condition of applying: below it the quote's amount is 0, the rules still give floor.computed
    const floor = q.quote.floor;
    if (allowIneligible && floor && !floor.met) return { ...q, amount: floor.computed };
    return q;
  }
}
