import { Injectable } from '@nestjs/common';
import { formatJst, isBeforeRoundDeadline, roundDeadline } from '@jimukyoku/domain';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import { TransitionsService } from '../applications/transitions.service';
import { AuditService } from '../audit/audit.service';
import { RoundsRepository } from '../rounds/rounds.repository';
import { AdoptionError } from './adoption.errors';
import { AdoptionRepository } from './adoption.repository';
import type { CommitDecisionDto } from './dto/ranking.dto';
import { RankingService, type RankingOutcome } from './ranking.service';

/** The workflow transition that carries out each ranking outcome. */
const TRANSITION_OF: Record<RankingOutcome, string> = { adopted: 'adopt', waitlisted: 'waitlist', rejected: 'reject' };

/**
 * Commits a round × category's decision as one transaction: the ranking is recomputed under a lock and
 * must be the one the manager simulated (its fingerprint), then every application gets 採択, 補欠 or
 * 不採択 through the workflow (state, audit record and a notice held until the 採択発表; set-based by
 * TransitionsService.fireManyIn, 20,000 in seconds), and the decision with its ranking is recorded. Any
 * refusal rolls all of it back.
 */
@Injectable()
export class AdoptionService {
  constructor(
    private readonly adoption: AdoptionRepository,
    private readonly ranking: RankingService,
    private readonly transitions: TransitionsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly rounds: RoundsRepository,
  ) {}

  async commit(roundId: string, dto: CommitDecisionDto, actor: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      await this.adoption.lockDecision(roundId, dto.categoryId, tx);
      await this.refuseWhileOpen(roundId, tx);
      const ranking = await this.ranking.rank(roundId, dto, tx, { fresh: true });
      if (ranking.entries.length === 0) throw new AdoptionError('NOTHING_TO_DECIDE');
      if (ranking.fingerprint !== dto.fingerprint) throw new AdoptionError('RANKING_CHANGED', { fingerprint: ranking.fingerprint });
      const reopened = ranking.entries.filter((e) => e.pendingReviews > 0);
      if (reopened.length) throw new AdoptionError('REVIEWS_REOPENED', { applicationIds: reopened.map((e) => e.applicationId) });
      // every application through the workflow, written set-based: one UPDATE, one INSERT of audit records, one of held notices
      await this.transitions.fireManyIn(
        tx,
        ranking.entries.map((e) => ({
          applicationId: e.applicationId,
          transition: TRANSITION_OF[e.outcome],
          auditExtra: { rank: e.rank, finalScore: e.finalScore, decision: 'adoption.commit' },
        })),
        { role: actor.role, id: actor.id, staff: actor },
        { ...meta, byDecision: true },
      );
      const s = ranking.simulation;
      const decision = await this.adoption.insertDecision(
        {
          roundId,
          categoryId: dto.categoryId,
          budget: ranking.limits.budget,
          quota: ranking.limits.quota,
          waitlistCount: ranking.limits.waitlistCount,
          normalise: ranking.normalise,
          appliedCount: s.totals.applied,
          adoptedCount: s.totals.adopted,
          waitlistedCount: s.totals.waitlisted,
          rejectedCount: s.totals.rejected,
          adoptedAmount: s.totals.adoptedAmount,
          cutoffScore: s.cutoffScore,
          ranking: ranking.entries.map((e) => ({
            rank: e.rank,
            applicationId: e.applicationId,
            finalScore: e.finalScore,
            mean: e.mean,
            bonus: e.bonus,
            outcome: e.outcome,
          })),
          committedBy: actor.id,
        },
        tx,
      );
      await this.audit.record(
        {
          actor,
          action: 'adoption.commit',
          entityType: 'adoptionDecision',
          entityId: decision.id,
          changes: {
            roundId,
            categoryId: dto.categoryId,
            limits: ranking.limits,
            totals: s.totals,
            cutoffScore: s.cutoffScore,
            fingerprint: ranking.fingerprint,
          },
          ...meta,
        },
        tx,
      );
      return { ...decision, ranking: undefined, totals: s.totals };
    });
  }

  /**
   * A decision waits for the 応募締切 (roundDeadline, the grace included): while the round still takes applications
   * its ranking is not complete, and an application arriving later would fall outside the 採択 line it drew. The
   * simulation may run before; committing may not. (A single 採択 before the 締切 needs a reason: the workflow's
   * guard afterRoundDeadline.)
   */
  private async refuseWhileOpen(roundId: string, tx: Transaction) {
    const round = await this.rounds.find(roundId, tx);
    if (!round) throw new AdoptionError('ROUND_NOT_FOUND');
    if (!isBeforeRoundDeadline(round, await this.rounds.dbNow(tx))) return;
    const deadline = formatJst(roundDeadline(round));
    throw new AdoptionError(
      'ROUND_STILL_OPEN',
      { closesAt: roundDeadline(round).toISOString() },
      `公募回はまだ申請を受け付けています (応募締切 ${deadline})。締切の後に確定してください。`,
    );
  }

  async decisionsOf(roundId: string) {
    // an unknown round is not one without decisions (it answered 200 [])
    if (!isUuid(roundId) || !(await this.rounds.find(roundId))) throw new AdoptionError('ROUND_NOT_FOUND');
    return this.adoption.decisionsOf(roundId);
  }
}
