import { Injectable } from '@nestjs/common';
import { findTransition, getWorkflow } from '@jimukyoku/workflow';
import { isAllowed } from '../../auth/policy';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import type { Category } from '../programs/category.entity';
import { quoteApplication } from './application-quote';
import type { Application } from './application.entity';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationError } from './transitions.errors';
import { TransitionsService } from './transitions.service';

/** The workflow transition of a 再審査 (libs/workflow subsidy.v1): only this service fires it. */
export const RECONSIDER_TRANSITION = 'reconsiderInCategory';

/** A 類型 an application may be reconsidered in: the admin's choice in 「別の類型で再審査」. */
export interface ReconsiderationTarget {
  categoryId: string;
  code: string;
  name: string;
}

export interface ReconsiderRequest {
  categoryId: string;
  reason: string;
  expectedVersion?: number;
}

const reconsiderIn = (category: Category): readonly string[] => (category.config.kind === 'subsidy' ? (category.config.reconsiderIn ?? []) : []);

/**
 * 再審査 in another 類型 (docs/reconsideration.md): an application not adopted in a special 枠 is moved, in
 * the same round, to a 類型 its category's `reconsiderIn` names and the round offers. One transaction:
 * the category and the quote recomputed under it (the applicant's facts unchanged), the workflow's
 * reconsiderInCategory (state, audit record with both 類型 and both amounts, the applicant's notice held
 * until the 採択発表), and the cancellation of the decision notices it makes untrue (a held 補欠). The
 * score sheets stay as scored; the ranking of the new 類型 reads them (AdoptionRepository.rankingInputs).
 */
@Injectable()
export class ReconsiderationService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Where this user may move the application now (the button and its choices); [] when nowhere: another
   * programme's workflow, a state it cannot move from, a role that may not, or a 類型 without `reconsiderIn`.
   */
  async targetsFor(app: Application, user: AuthenticatedUser, tx?: Transaction): Promise<ReconsiderationTarget[]> {
    if (!isAllowed(user.role, 'applications.reconsider')) return [];
    const transition = findTransition(getWorkflow(app.workflowCode, app.workflowVersion), RECONSIDER_TRANSITION);
    if (!transition || !transition.from.includes(app.status) || !transition.roles.includes(user.role)) return [];
    return this.targets(app, await this.repo.categoryOf(app.categoryId, tx), tx);
  }

  async reconsider(id: string, request: ReconsiderRequest, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const app = await this.repo.findVisible(id, user, tx);
      if (!app) throw new ApplicationError('APPLICATION_NOT_FOUND');
      if (request.expectedVersion !== undefined && request.expectedVersion !== app.version) {
        throw new ApplicationError('STALE_VERSION', { currentVersion: app.version });
      }
      if (!findTransition(getWorkflow(app.workflowCode, app.workflowVersion), RECONSIDER_TRANSITION)) throw new ApplicationError('RECONSIDERATION_NOT_OFFERED');
      const from = await this.repo.categoryOf(app.categoryId, tx);
      const targets = await this.targets(app, from, tx);
      if (targets.length === 0) throw new ApplicationError('RECONSIDERATION_NOT_OFFERED', {}, `「${from.name}」の申請には、別の類型での再審査がありません。`);
      const target = targets.find((t) => t.categoryId === request.categoryId);
      if (!target) {
        throw new ApplicationError(
          'RECONSIDERATION_TARGET_NOT_ALLOWED',
          { field: 'categoryId', allowed: targets },
          `指定された類型では再審査できません。「${from.name}」の申請を再審査できる類型: ${targets.map((t) => t.name).join('、')}`,
        );
      }
      const to = await this.repo.categoryOf(target.categoryId, tx);
      // the applicant's facts as they are, priced under the new 類型 (the one quote function)
      const q = quoteApplication(to.config, app);
      const quote = q.quote as { eligible?: boolean; ineligibility?: { message: string }[] } | null;
      if (!quote?.eligible) {
        const reasons = quote?.ineligibility?.map((i) => i.message) ?? [];
        throw new ApplicationError(
          'RECONSIDERATION_NOT_ELIGIBLE',
          { reasons },
          `「${to.name}」の要件を満たさないため、この類型では再審査できません${reasons.length ? `：${reasons.join('、')}` : ''}。`,
        );
      }
      // the state is checked by the workflow below, after the move, in the same transaction: a refusal rolls both back
      const moved = await this.repo.moveToCategory(tx, {
        applicationId: app.id,
        expectedVersion: app.version,
        categoryId: to.id,
        fromCategoryId: from.id,
        quote: q.quote,
        quotedAmount: q.amount,
        eligibility: q.eligibility,
      });
      if (!moved) throw new ApplicationError('STALE_VERSION');
      // the held 補欠 notice it makes untrue is cancelled by the transition, whose own notice is held in its place
      // (TransitionsService.fireIn, audited as supersededNotifications)
      const outcome = await this.transitions.fireIn(
        tx,
        app.id,
        RECONSIDER_TRANSITION,
        { role: user.role, id: user.id, staff: user },
        {
          reason: request.reason,
          reconsideration: { toCategory: to.code },
          ...meta,
          auditExtra: {
            category: { from: { id: from.id, code: from.code, name: from.name }, to: { id: to.id, code: to.code, name: to.name } },
            quotedAmount: { from: app.quotedAmount, to: q.amount },
          },
        },
      );
      return {
        transition: outcome.transition,
        from: { categoryId: from.id, name: from.name },
        to: { categoryId: to.id, name: to.name },
        quotedAmount: q.amount,
      };
    });
  }

  /** The 類型 of the round's rule set that `from` names in reconsiderIn and the round offers. */
  private async targets(app: Application, from: Category, tx?: Transaction): Promise<ReconsiderationTarget[]> {
    const codes = reconsiderIn(from);
    if (codes.length === 0) return [];
    const out: ReconsiderationTarget[] = [];
    for (const c of await this.repo.categoriesOfRuleSet(from.ruleSetId, tx)) {
      if (c.id === from.id || !codes.includes(c.code)) continue;
      if (await this.repo.offeredOf(app.roundId, c.id, tx)) out.push({ categoryId: c.id, code: c.code, name: c.name });
    }
    return out;
  }
}
