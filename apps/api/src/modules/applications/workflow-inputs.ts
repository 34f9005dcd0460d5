import { statesTagged, type ApplicationSnapshot, type WorkflowContext } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { RoundCategory } from '../rounds/round-category.entity';
import { Round } from '../rounds/round.entity';
import type { Application } from './application.entity';
import { ApplicationsRepository } from './applications.repository';

/**
 * States in which an application holds one of its round × category's adoption slots: the states the
 * definitions tag `holdsSlot`, as of module load.
 * @deprecated call `statesTagged('holdsSlot')` where the query is built (it also sees definitions
 * registered later); kept while apps/api/src/modules/review still imports it.
 */
export const SLOT_HOLDING_STATES: readonly string[] = statesTagged('holdsSlot');

/** What the workflow engine reads about one application: its snapshot and the round's context. */
export async function workflowInputs(
  repo: ApplicationsRepository,
  app: Application,
  m: EntityManager,
): Promise<{ snapshot: ApplicationSnapshot; context: WorkflowContext; round: Round }> {
  const round = await m.findOneByOrFail(Round, { id: app.roundId });
  const offered = await m.findOneBy(RoundCategory, { roundId: app.roundId, categoryId: app.categoryId });
  const quota = offered?.adoptionQuota ?? null;
  // one after the other: inside a transaction both go over the same connection
  const reviews = await repo.reviewProgress(app.id, m);
  const used = quota === null ? 0 : await repo.adoptedCount(app.roundId, app.categoryId, statesTagged('holdsSlot'), m);
  const quote = app.quote as { eligible?: boolean; ineligibility?: { message: string }[] } | null;
  return {
    round,
    snapshot: {
      status: app.status,
      workflowCode: app.workflowCode,
      workflowVersion: app.workflowVersion,
      correctionDueAt: app.correctionDueAt,
      quote: quote ? { eligible: quote.eligible === true, reasons: quote.ineligibility?.map((i) => i.message) } : null,
      formalCheck: app.formalCheck,
      reviews,
      // 事業復活支援金: an earlier 一時支援金/月次支援金 recipient may skip the 事前確認 (waivePreCheck)
      previousRecipient: app.previousRecipient,
    },
    context: {
      round: {
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        graceMinutes: round.graceMinutes,
        announcementAt: round.announcementFrom,
      },
      // no quota set: slots are not limited by count (the budget decides, in the adoption simulator)
      slots: { capacity: quota ?? Number.MAX_SAFE_INTEGER, used },
    },
  };
}
