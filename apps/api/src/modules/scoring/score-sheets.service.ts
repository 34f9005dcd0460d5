import {
  aggregateScores,
  bonusPoints,
  bonusProblems,
  commentProblems,
  confirmedByMajority,
  maxWeightedTotal,
  scoreSheetProblems,
  weightedTotal,
  type ReviewProblem,
  type SubmittedReview,
} from '@jimukyoku/domain';
import { getWorkflow, stateHasTag, type StateTag } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionsService } from '../applications/transitions.service';
import type { ApplicationAssignment } from '../assignments/application-assignment.entity';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditService } from '../audit/audit.service';
import { RulesRepository } from '../programs/rules.repository';
import type { ReviewRubric } from '../rubrics/review-rubric.entity';
import { RubricsService } from '../rubrics/rubrics.service';
import { UsersRepository } from '../users/users.repository';
import type { ScoreSheetDto } from './dto/score-sheet.dto';
import { SCORE_SHEET_STATUS, type ReviewScore } from './review-score.entity';
import { ScoringError } from './scoring.errors';
import { ScoringRepository } from './scoring.repository';
import { expenseTypeLabel } from '../programs/expense-type-label';

const SYSTEM = { role: 'system' as const, id: null };

const hasTag = (app: Application, tag: StateTag) => stateHasTag(getWorkflow(app.workflowCode, app.workflowVersion), app.status, tag);
/** A submitted sheet may be reopened only until the 採択 decision: while the application is scored or awaits it. */
const scoresReopenable = (app: Application) => hasTag(app, 'openForScoring') || hasTag(app, 'awaitsDecision');
/** Sheets are filled in during the 書面審査; a sheet reopened after it (審査完了, awaiting the decision) is corrected in place. */
const scoringOpen = (app: Application, sheet: ReviewScore | null) =>
  hasTag(app, 'openForScoring') || (hasTag(app, 'awaitsDecision') && sheet?.reopenedAt != null);

/**
 * 採点票: one per review assignment. A reviewer edits only their own, saves drafts and submits; a
 * submitted sheet changes only after a manager reopens it (audited). The last submission of an
 * application completes its 書面審査 in the same transaction, unless the reviewers disagree beyond
 * the rubric's threshold and the rubric asks for an extra reviewer, who is then assigned instead.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    private readonly sheets: ScoringRepository,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly rubrics: RubricsService,
    private readonly assignments: AssignmentsService,
    private readonly assignmentRows: AssignmentsRepository,
    private readonly rules: RulesRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async get(id: string, user: AuthenticatedUser) {
    return this.view(await this.assignmentOf(id, user), user);
  }

  async save(id: string, dto: ScoreSheetDto, user: AuthenticatedUser) {
    return this.uow.run(async (tx) => {
      const { x, app, rubric, sheet } = await this.editable(id, user, tx);
      const next = this.merged(sheet, dto);
      this.check(rubric, app, next, false);
      await this.write(x, rubric, next, sheet ? 'update' : 'insert', tx);
      await this.rubrics.freeze(rubric.id, tx);
      return this.view(x, user, tx);
    });
  }

  async submit(id: string, dto: ScoreSheetDto, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const { x, app, rubric, sheet } = await this.editable(id, user, tx);
      const next = this.merged(sheet, dto);
      this.check(rubric, app, next, true);
      const total = weightedTotal(rubric, next.scores as Record<string, number>);
      await this.write(x, rubric, next, sheet ? 'update' : 'insert', tx);
      await this.rubrics.freeze(rubric.id, tx);
      await this.sheets.submit(x.id, total, tx);
      await this.assignmentRows.markSubmitted(x.id, tx);
      await this.audit.record(
        {
          actor: user,
          action: 'review.submit',
          entityType: 'reviewScore',
          entityId: x.id,
          changes: { applicationId: app.id, scores: next.scores, confirmedBonus: next.confirmedBonus, total, rubricVersion: rubric.version },
          ...meta,
        },
        tx,
      );
      const completion = hasTag(app, 'openForScoring') ? await this.completeIfAllSubmitted(app, rubric, meta, tx) : 'pending';
      return { ...(await this.view(x, user, tx)), completion };
    });
  }

  async reopen(id: string, reason: string, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const found = await this.assignmentOf(id, user, tx);
      // a decision of the round × category reads the sheets under ADOPTION_SLOTS_LOCK: taken first (as the decision
      // takes it before the applications), a reopen waits for a decision being committed and then finds the
      // application decided, or the decision sees the reopened sheet; never a decision over a sheet reopened under it
      const target = (await this.applications.find(found.applicationId, tx))!;
      await this.applications.lockAdoptionSlots(target.roundId, target.categoryId, tx);
      // then the application and the assignment, as a reviewer's save and submission take them
      const x = await this.lockedInOrder(found, tx);
      const app = (await this.applications.find(x.applicationId, tx))!;
      const sheet = await this.sheets.find(x.id, tx);
      if (!sheet || sheet.status !== SCORE_SHEET_STATUS.submitted) throw new ScoringError('NOT_SUBMITTED');
      if (!scoresReopenable(app)) throw new ScoringError('REVIEW_DECIDED', { status: app.status });
      await this.sheets.reopen(x.id, user.id, reason, tx);
      await this.assignmentRows.clearSubmitted(x.id, tx);
      await this.audit.record(
        {
          actor: user,
          action: 'review.reopen',
          entityType: 'reviewScore',
          entityId: x.id,
          reason,
          changes: { applicationId: app.id, reviewerId: x.reviewerId, total: sheet.total },
          ...meta,
        },
        tx,
      );
      return this.view(x, user, tx);
    });
  }

  /**
   * All reviews of an application side by side with their aggregate. Managers and auditors see them;
   * a reviewer only once their own score for the application is submitted.
   */
  async reviewsOf(applicationId: string, user: AuthenticatedUser) {
    const app = await this.applications.findVisible(applicationId, user);
    if (!app) throw new ScoringError('APPLICATION_NOT_FOUND');
    if (user.role === 'reviewer' && !(await this.sheets.hasSubmitted(applicationId, user.id))) throw new ScoringError('OWN_SCORE_FIRST');
    const rubric = await this.rubrics.ensure(app.roundId, app.categoryId);
    const sheets = await this.sheets.sheetsOf(applicationId);
    const submitted = sheets.filter((s) => s.status === SCORE_SHEET_STATUS.submitted);
    const bonusCodes = confirmedByMajority(submitted.map((s) => s.confirmedBonus));
    const agreement = agreementOf(
      rubric,
      submitted.map((s) => ({ reviewerId: s.reviewerId, total: s.total! })),
    );
    return {
      id: applicationId,
      applicationId,
      rubric: { criteria: rubric.criteria, bonusItems: rubric.bonusItems, maxTotal: maxWeightedTotal(rubric) },
      sheets: user.role === 'reviewer' ? submitted : sheets,
      // whether a submitted sheet may be reopened now (a manager's 再開): not once the application is decided
      reopenable: scoresReopenable(app),
      summary: {
        submitted: submitted.length,
        mean: submitted.length ? agreement.mean : null,
        confirmedBonus: bonusCodes,
        bonus: bonusPoints(rubric, bonusCodes),
        spread: agreement.spread,
        disagreement: agreement.disagreement,
      },
    };
  }

  /** The last submission completes the 書面審査 (or, on disagreement, brings in one more reviewer). */
  private async completeIfAllSubmitted(
    app: Application,
    rubric: ReviewRubric,
    meta: RequestMeta,
    tx: Transaction,
  ): Promise<'pending' | 'completed' | 'extraReviewer'> {
    const progress = await this.applications.reviewProgress(app.id, tx);
    if (progress.submitted < progress.assigned) return 'pending';
    const reviews: SubmittedReview[] = await this.sheets.submittedTotals(app.id, tx);
    const totals = reviews.map((r) => r.total);
    const { spread, disagreement: disagree } = agreementOf(rubric, reviews);
    if (disagree && rubric.extraReviewerOnDisagreement && progress.assigned <= rubric.reviewersPerApplication) {
      if (await this.assignments.assignExtraReviewer(app, rubric.reviewDays, SYSTEM, meta, tx)) {
        await this.audit.record(
          {
            actor: SYSTEM,
            action: 'review.disagreement',
            entityType: 'application',
            entityId: app.id,
            changes: { totals, spread, threshold: rubric.disagreementThreshold, extraReviewer: true },
            ...meta,
          },
          tx,
        );
        return 'extraReviewer';
      }
    }
    await this.transitions.fireIn(tx, app.id, 'completeReview', SYSTEM, { ...meta, auditExtra: { totals, spread, disagreement: disagree } });
    return 'completed';
  }

  private merged(sheet: ReviewScore | null, dto: ScoreSheetDto) {
    const scores = { ...(sheet?.scores ?? {}) } as Record<string, number | null>;
    for (const [k, v] of Object.entries(dto.scores ?? {})) scores[k] = v;
    for (const k of Object.keys(scores)) if (scores[k] === null || scores[k] === undefined) delete scores[k];
    return {
      scores,
      comments: { ...(sheet?.comments ?? {}), ...(dto.comments ?? {}) },
      confirmedBonus: [...new Set(dto.confirmedBonus ?? sheet?.confirmedBonus ?? [])],
      // null clears the 総評 (as the sheet reads without one); absent keeps it
      overallComment: dto.overallComment === undefined ? (sheet?.overallComment ?? null) : dto.overallComment,
    };
  }

  private check(rubric: ReviewRubric, app: Application, next: ReturnType<ScoreSheetsService['merged']>, complete: boolean) {
    const problems: ReviewProblem[] = [
      ...scoreSheetProblems(rubric, next.scores, { complete }),
      ...bonusProblems(rubric, next.confirmedBonus, 'confirmedBonus'),
    ];
    const claimed = new Set(app.claimedBonusItems ?? []);
    for (const code of next.confirmedBonus) {
      if (!claimed.has(code) && rubric.bonusItems.some((b) => b.code === code))
        problems.push({
          field: `confirmedBonus.${code}`,
          message: `加点項目「${rubric.bonusItems.find((b) => b.code === code)!.label}」は申請者が申告していません`,
        });
    }
    problems.push(...commentProblems(rubric, next.comments));
    if (problems.length) throw new ScoringError('INVALID_SCORES', { errors: problems });
  }

  private async write(
    x: ApplicationAssignment,
    rubric: ReviewRubric,
    next: ReturnType<ScoreSheetsService['merged']>,
    how: 'insert' | 'update',
    tx: Transaction,
  ) {
    const values = {
      scores: next.scores as Record<string, number>,
      comments: next.comments,
      confirmedBonus: next.confirmedBonus,
      overallComment: next.overallComment,
    };
    if (how === 'insert')
      await this.sheets.insertDraft({ assignmentId: x.id, applicationId: x.applicationId, reviewerId: x.reviewerId, rubricId: rubric.id }, values, tx);
    else await this.sheets.updateDraft(x.id, values, tx);
  }

  /**
   * The reviewer's own open review assignment, with its application and the assignment locked for this
   * transaction: a revocation or reassignment committed meanwhile is seen (409), not scored past.
   */
  private async editable(id: string, user: AuthenticatedUser, tx: Transaction) {
    const x = await this.lockedInOrder(await this.assignmentOf(id, user, tx), tx);
    if (x.reviewerId !== user.id) throw new ScoringError('NOT_YOUR_ASSIGNMENT');
    if (x.revokedAt) throw new ScoringError('ASSIGNMENT_CLOSED');
    const app = (await this.applications.find(x.applicationId, tx))!;
    const sheet = await this.sheets.lock(x.id, tx);
    if (sheet?.status === SCORE_SHEET_STATUS.submitted) throw new ScoringError('ALREADY_SUBMITTED');
    if (!scoringOpen(app, sheet)) throw new ScoringError('NOT_UNDER_REVIEW', { status: app.status });
    const rubric = await this.rubrics.ensure(app.roundId, app.categoryId, tx);
    // until the first score freezes it a manager may still change it: the first scores lock it and are checked
    // against the criteria they freeze, not the ones read before a change
    return { x, app, rubric: rubric.frozenAt ? rubric : await this.rubrics.lockUnfrozen(rubric.id, tx), sheet };
  }

  /**
   * Locks the assignment's application, then the assignment (the one order every scoring write takes them
   * in: two orders deadlocked a save against a reopen or a reassignment), and reads the assignment again.
   */
  private async lockedInOrder(x: ApplicationAssignment, tx: Transaction): Promise<ApplicationAssignment> {
    await this.sheets.lockApplication(x.applicationId, tx);
    return (await this.assignmentRows.lock(x.id, tx, 'review'))!;
  }

  /** A review assignment the user may see (unlocked: writes lock it with lockedInOrder). */
  private async assignmentOf(id: string, user: AuthenticatedUser, tx?: Transaction): Promise<ApplicationAssignment> {
    const x = await this.assignmentRows.find(id, 'review', tx);
    // a reviewer's sheets are their own: another reviewer's is "not found", like an unassigned application
    if (!x || (user.role === 'reviewer' && x.reviewerId !== user.id)) throw new ScoringError('ASSIGNMENT_NOT_FOUND');
    return x;
  }

  private async view(x: ApplicationAssignment, user: AuthenticatedUser, tx?: Transaction) {
    const app = (await this.applications.find(x.applicationId, tx))!;
    // sequential: `tx` may be a transaction's, and a connection runs one query at a time
    const rubric = await this.rubrics.ensure(app.roundId, app.categoryId, tx);
    const sheet = await this.sheets.find(x.id, tx);
    const category = (await this.rules.findCategory(app.categoryId, tx))!;
    const reviewer = (await this.users.findById(x.reviewerId, tx))!;
    const status = sheet?.status ?? 'notStarted';
    const claimed = new Set(app.claimedBonusItems ?? []);
    return {
      id: x.id,
      applicationId: app.id,
      reviewerId: x.reviewerId,
      reviewerName: reviewer.name,
      dueAt: x.dueAt,
      revoked: x.revokedAt !== null,
      status,
      scores: sheet?.scores ?? {},
      comments: sheet?.comments ?? {},
      confirmedBonus: sheet?.confirmedBonus ?? [],
      overallComment: sheet?.overallComment ?? null,
      total: sheet?.total ?? null,
      submittedAt: sheet?.submittedAt ?? null,
      reopenedAt: sheet?.reopenedAt ?? null,
      reopenReason: sheet?.reopenReason ?? null,
      editable: user.id === x.reviewerId && !x.revokedAt && status !== SCORE_SHEET_STATUS.submitted && scoringOpen(app, sheet),
      rubric: { id: rubric.id, criteria: rubric.criteria, bonusItems: rubric.bonusItems, maxTotal: maxWeightedTotal(rubric), frozen: rubric.frozenAt !== null },
      application: {
        id: app.id,
        status: app.status,
        receiptNumber: app.receiptNumber,
        applicantName: app.applicantName,
        categoryName: category.name,
        planTitle: app.planTitle,
        planSummary: app.planSummary,
        quotedAmount: app.quotedAmount,
        prefecture: app.prefecture,
        sizeClass: app.sizeClass,
        employeeCount: app.employeeCount,
        certifiedAdvisorName: app.certifiedAdvisor?.name ?? null,
        // the whole 事業計画 a reviewer scores: its expenses with the category's 経費区分 names
        expenses: (app.expenses ?? []).map((e) => ({ ...e, expenseTypeLabel: expenseTypeLabel(category.config, e.expenseType) })),
        claimedBonusItems: rubric.bonusItems.filter((b) => claimed.has(b.code)),
      },
    };
  }
}

/** Mean, spread and disagreement of one application's submitted totals, by libs/domain's aggregation (raw totals: one application alone cannot be normalised). */
function agreementOf(rubric: Pick<ReviewRubric, 'disagreementThreshold'>, reviews: SubmittedReview[]) {
  const [a] = aggregateScores([{ applicationId: '-', reviews, bonus: 0 }], { normalise: false, disagreementThreshold: rubric.disagreementThreshold });
  return a;
}
