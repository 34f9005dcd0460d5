import { Injectable } from '@nestjs/common';
import {
  APPLICATION_TRANSITION_ACTION_PREFIX,
  approvedPlanChanges,
  grantedExpenseTypes,
  linesOutsideGrant,
  type ExpenseLine,
  type LineOutsideGrant,
} from '@jimukyoku/domain';
import type { Transaction } from '../../database';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { APPROVE_PLAN_CHANGE } from './post-award-steps';
import { PostAwardRepository } from './post-award.repository';
import { stepOutsideProcedure } from './filing-checks';

/**
 * What a 実績報告 or a 概算払 may claim (docs/post-award.md "The grant's scope"): the 経費区分 of the 交付申請 the
 * 交付決定 approved, and those an approved 計画変更 brought in (libs/domain grant-scope.ts). Each approval is read
 * from the audit log, the history of the application's transitions.
 */
@Injectable()
export class GrantScope {
  constructor(
    private readonly repo: PostAwardRepository,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The lines of `expenses` outside the grant. A project whose procedure keeps no amounts (subsidy@1) has no
   * 交付申請 lines to hold them to: none is outside.
   */
  async linesOutside(tx: Transaction, app: Application, expenses: readonly ExpenseLine[]): Promise<LineOutsideGrant[]> {
    const amounts = await this.repo.findAmount(app.id, tx);
    if (!amounts) return [];
    const planChanges = (await this.repo.filingsOf(app.id, tx)).filter((f) => f.step === 'planChange');
    const approvedAt = await this.audit.occurrences('application', app.id, APPLICATION_TRANSITION_ACTION_PREFIX + APPROVE_PLAN_CHANGE, tx);
    const granted = grantedExpenseTypes(amounts.grantExpenses, approvedPlanChanges(planChanges, approvedAt));
    const category = await this.applications.categoryOf(app.categoryId, tx);
    const expenseTypes = category.config.kind === 'subsidy' ? category.config.expenseTypes : [];
    return linesOutsideGrant(expenses, granted, expenseTypes, stepOutsideProcedure(app, 'planChange') === null);
  }
}
