import { aggregateScores, bonusPoints, bonusProblems, confirmedByMajority, maxWeightedTotal, scoreSheetProblems, weightedTotal, type ReviewProblem, type SubmittedReview } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import { AuditService } from '../audit/audit.service';
import { ApplicationAssignment } from '../applications/application-assignment.entity';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionsService } from '../applications/transitions.service';
import { Category } from '../programs/category.entity';
import { StaffUser } from '../users/staff-user.entity';
import { AssignmentsService } from './assignments.service';
import type { ScoreSheetDto } from './dto/score-sheet.dto';
import { ReviewError } from './review.errors';
import { ReviewRubric } from './review-rubric.entity';
import { ReviewScore } from './review-score.entity';
import { RubricsService } from './rubrics.service';

const SYSTEM = { role: 'system' as const, id: null };

/**
 * 採点票: one per review assignment. A reviewer edits only their own, saves drafts and submits; a
 * submitted sheet changes only after a manager reopens it (audited). The last submission of an
 * application completes its 書面審査 in the same transaction, unless the reviewers disagree beyond
 * the rubric's threshold and the rubric asks for an extra reviewer, who is then assigned instead.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly rubrics: RubricsService,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
  ) {}

  async get(id: string, user: AuthenticatedUser) {
    return this.view(this.dataSource.manager, await this.assignmentOf(this.dataSource.manager, id, user), user);
  }

  async save(id: string, dto: ScoreSheetDto, user: AuthenticatedUser) {
    return this.dataSource.transaction(async (m) => {
      const { x, app, rubric, sheet } = await this.editable(m, id, user);
      const next = this.merged(sheet, dto);
      this.check(rubric, app, next, false);
      await this.write(m, x, rubric, next, sheet ? 'update' : 'insert');
      await this.rubrics.freeze(m, rubric.id);
      return this.view(m, x, user);
    });
  }

  async submit(id: string, dto: ScoreSheetDto, user: AuthenticatedUser, meta: RequestMeta) {
    return this.dataSource.transaction(async (m) => {
      const { x, app, rubric, sheet } = await this.editable(m, id, user);
      const next = this.merged(sheet, dto);
      this.check(rubric, app, next, true);
      const total = weightedTotal(rubric, next.scores as Record<string, number>);
      await this.write(m, x, rubric, next, sheet ? 'update' : 'insert');
      await this.rubrics.freeze(m, rubric.id);
      await m.query(`UPDATE review_score SET status = 'submitted', total = $2, submitted_at = now(), updated_at = now() WHERE assignment_id = $1`, [x.id, total]);
      await m.update(ApplicationAssignment, { id: x.id }, { submittedAt: () => 'now()' } as never);
      await this.audit.record(
        { actor: user, action: 'review.submit', entityType: 'reviewScore', entityId: x.id, changes: { applicationId: app.id, scores: next.scores, confirmedBonus: next.confirmedBonus, total, rubricVersion: rubric.version }, ...meta },
        m,
      );
      const completion = app.status === 'underReview' ? await this.completeIfAllSubmitted(m, app, rubric, meta) : 'pending';
      return { ...(await this.view(m, x, user)), completion };
    });
  }

  async reopen(id: string, reason: string, user: AuthenticatedUser, meta: RequestMeta) {
    return this.dataSource.transaction(async (m) => {
      const x = await this.assignmentOf(m, id, user, true);
      await m.query(`SELECT 1 FROM application WHERE id = $1 FOR UPDATE`, [x.applicationId]);
      const app = (await this.applications.find(x.applicationId, m))!;
      const sheet = await m.findOneBy(ReviewScore, { assignmentId: x.id });
      if (!sheet || sheet.status !== 'submitted') throw new ReviewError('NOT_SUBMITTED');
      if (!['underReview', 'reviewed'].includes(app.status)) throw new ReviewError('REVIEW_DECIDED', { status: app.status });
      await m.query(
        `UPDATE review_score SET status = 'draft', total = NULL, submitted_at = NULL, reopened_at = now(), reopened_by = $2, reopen_reason = $3, updated_at = now() WHERE assignment_id = $1`,
        [x.id, user.id, reason],
      );
      await m.update(ApplicationAssignment, { id: x.id }, { submittedAt: null });
      await this.audit.record({ actor: user, action: 'review.reopen', entityType: 'reviewScore', entityId: x.id, reason, changes: { applicationId: app.id, reviewerId: x.reviewerId, total: sheet.total }, ...meta }, m);
      return this.view(m, x, user);
    });
  }

  /**
   * All reviews of an application side by side with their aggregate. Managers and auditors see them;
   * a reviewer only once their own score for the application is submitted.
   */
  async reviewsOf(applicationId: string, user: AuthenticatedUser) {
    const m = this.dataSource.manager;
    const app = await this.applications.findVisible(applicationId, user, m);
    if (!app) throw new ReviewError('APPLICATION_NOT_FOUND');
    if (user.role === 'reviewer') {
      const own = await m.findOneBy(ReviewScore, { applicationId, reviewerId: user.id, status: 'submitted' });
      if (!own) throw new ReviewError('OWN_SCORE_FIRST');
    }
    const rubric = await this.rubrics.ensure(m, app.roundId, app.categoryId);
    const sheets: (ReviewScore & { reviewerName: string })[] = await m.query(
      `SELECT s.assignment_id AS "assignmentId", s.reviewer_id AS "reviewerId", u.name AS "reviewerName", s.scores, s.comments, s.confirmed_bonus AS "confirmedBonus",
              s.overall_comment AS "overallComment", s.total::float8 AS total, s.status, s.submitted_at AS "submittedAt", s.reopened_at AS "reopenedAt", s.reopen_reason AS "reopenReason"
         FROM review_score s JOIN staff_user u ON u.id = s.reviewer_id JOIN application_assignment x ON x.id = s.assignment_id
        WHERE s.application_id = $1 AND x.revoked_at IS NULL ORDER BY s.submitted_at NULLS LAST, u.name`,
      [applicationId],
    );
    const submitted = sheets.filter((s) => s.status === 'submitted');
    const bonusCodes = confirmedByMajority(submitted.map((s) => s.confirmedBonus));
    const agreement = agreementOf(rubric, submitted.map((s) => ({ reviewerId: s.reviewerId, total: s.total! })));
    return {
      id: applicationId,
      applicationId,
      rubric: { criteria: rubric.criteria, bonusItems: rubric.bonusItems, maxTotal: maxWeightedTotal(rubric) },
      sheets: user.role === 'reviewer' ? submitted : sheets,
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
  private async completeIfAllSubmitted(m: EntityManager, app: Application, rubric: ReviewRubric, meta: RequestMeta): Promise<'pending' | 'completed' | 'extraReviewer'> {
    const progress = await this.applications.reviewProgress(app.id, m);
    if (progress.submitted < progress.assigned) return 'pending';
    const reviews: SubmittedReview[] = await m.query(
      `SELECT s.reviewer_id AS "reviewerId", s.total::float8 AS total FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id
        WHERE s.application_id = $1 AND s.status = 'submitted' AND x.revoked_at IS NULL`,
      [app.id],
    );
    const totals = reviews.map((r) => r.total);
    const { spread, disagreement: disagree } = agreementOf(rubric, reviews);
    if (disagree && rubric.extraReviewerOnDisagreement && progress.assigned <= rubric.reviewersPerApplication) {
      if (await this.assignments.assignExtraReviewer(m, app, rubric.reviewDays, SYSTEM, meta)) {
        await this.audit.record({ actor: SYSTEM, action: 'review.disagreement', entityType: 'application', entityId: app.id, changes: { totals, spread, threshold: rubric.disagreementThreshold, extraReviewer: true }, ...meta }, m);
        return 'extraReviewer';
      }
    }
    await this.transitions.fireIn(m, app.id, 'completeReview', SYSTEM, { ...meta, auditExtra: { totals, spread, disagreement: disagree } });
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
      overallComment: dto.overallComment ?? sheet?.overallComment ?? null,
    };
  }

  private check(rubric: ReviewRubric, app: Application, next: ReturnType<ScoreSheetsService['merged']>, complete: boolean) {
    const problems: ReviewProblem[] = [...scoreSheetProblems(rubric, next.scores, { complete }), ...bonusProblems(rubric, next.confirmedBonus)];
    const claimed = new Set(app.claimedBonusItems ?? []);
    for (const code of next.confirmedBonus) {
      if (!claimed.has(code) && rubric.bonusItems.some((b) => b.code === code)) problems.push({ field: `confirmedBonus.${code}`, message: `加点項目「${rubric.bonusItems.find((b) => b.code === code)!.label}」は申請者が申告していません` });
    }
    const criteria = new Set(rubric.criteria.map((c) => c.code));
    for (const code of Object.keys(next.comments)) if (!criteria.has(code)) problems.push({ field: `comments.${code}`, message: `審査項目「${code}」はこの審査基準にありません` });
    if (problems.length) throw new ReviewError('INVALID_SCORES', { errors: problems });
  }

  private async write(m: EntityManager, x: ApplicationAssignment, rubric: ReviewRubric, next: ReturnType<ScoreSheetsService['merged']>, how: 'insert' | 'update') {
    const values = { scores: next.scores as Record<string, number>, comments: next.comments, confirmedBonus: next.confirmedBonus, overallComment: next.overallComment, updatedAt: new Date() };
    if (how === 'insert') await m.insert(ReviewScore, { assignmentId: x.id, applicationId: x.applicationId, reviewerId: x.reviewerId, rubricId: rubric.id, status: 'draft', ...values } as never);
    else await m.update(ReviewScore, { assignmentId: x.id }, values as never);
  }

  /** The reviewer's own open review assignment, with its application locked for this transaction. */
  private async editable(m: EntityManager, id: string, user: AuthenticatedUser) {
    const x = await this.assignmentOf(m, id, user);
    if (x.reviewerId !== user.id) throw new ReviewError('NOT_YOUR_ASSIGNMENT');
    if (x.revokedAt) throw new ReviewError('ASSIGNMENT_CLOSED');
    await m.query(`SELECT 1 FROM application WHERE id = $1 FOR UPDATE`, [x.applicationId]);
    const app = (await this.applications.find(x.applicationId, m))!;
    const sheet = await m.findOne(ReviewScore, { where: { assignmentId: x.id }, lock: { mode: 'pessimistic_write' } });
    if (sheet?.status === 'submitted') throw new ReviewError('ALREADY_SUBMITTED');
    // a reopened sheet of an application already 審査完了 is corrected in place
    if (app.status !== 'underReview' && !(app.status === 'reviewed' && sheet?.reopenedAt)) throw new ReviewError('NOT_UNDER_REVIEW', { status: app.status });
    const rubric = await this.rubrics.ensure(m, app.roundId, app.categoryId);
    return { x, app, rubric, sheet };
  }

  private async assignmentOf(m: EntityManager, id: string, user: AuthenticatedUser, forUpdate = false): Promise<ApplicationAssignment> {
    const x = isUuid(id) ? await m.findOne(ApplicationAssignment, { where: { id, purpose: 'review' }, lock: forUpdate ? { mode: 'pessimistic_write' } : undefined }) : null;
    // a reviewer's sheets are their own: another reviewer's is "not found", like an unassigned application
    if (!x || (user.role === 'reviewer' && x.reviewerId !== user.id)) throw new ReviewError('ASSIGNMENT_NOT_FOUND');
    return x;
  }

  private async view(m: EntityManager, x: ApplicationAssignment, user: AuthenticatedUser) {
    const app = (await this.applications.find(x.applicationId, m))!;
    // sequential: `m` may be a transaction's, and a connection runs one query at a time
    const rubric = await this.rubrics.ensure(m, app.roundId, app.categoryId);
    const sheet = await m.findOneBy(ReviewScore, { assignmentId: x.id });
    const category = await m.findOneByOrFail(Category, { id: app.categoryId });
    const reviewer = await m.findOneByOrFail(StaffUser, { id: x.reviewerId });
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
      editable: user.id === x.reviewerId && !x.revokedAt && status !== 'submitted' && (app.status === 'underReview' || (app.status === 'reviewed' && sheet?.reopenedAt != null)),
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
