import {
  ATTACHMENT_KINDS,
  buildFormalChecklist,
  correctionRequest,
  evaluateFormalCheck,
  formalCheckEligibility,
  hasVisibleText,
  overridesWithoutReason,
  requiredAttachmentKinds,
  unmetRequirements,
  type FormalCheckAnswer,
  type FormalCheckItem,
} from '@jimukyoku/domain';
import { findTransition, getWorkflow, stateHasTag, type FormalCheckTransitions, type StateTag, type WorkflowDefinition } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import type { Application, FormalCheckOutcome, FormalCheckRecord } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionsService } from '../applications/transitions.service';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { AuditService } from '../audit/audit.service';
import { RulesRepository } from '../programs/rules.repository';
import { FORMAL_CHECK_OUTCOMES, type CompleteFormalCheckDto, type FormalCheckOutcomeKind } from './dto/formal-check.dto';
import { FormalCheckError } from './formal-check.errors';
import { FormalCheckRepository } from './formal-check.repository';

const workflowOf = (app: Application) => getWorkflow(app.workflowCode, app.workflowVersion);
const hasTag = (app: Application, tag: StateTag) => stateHasTag(workflowOf(app), app.status, tag);
/** The 要件確認 is open: received (or corrected and resubmitted) and waiting for it, or being checked. */
const isOpen = (app: Application) => workflowOf(app).formalCheck !== undefined && (hasTag(app, 'awaitsFormalCheck') || hasTag(app, 'inFormalCheck'));
/** The transition that starts the check, when its workflow has one and nobody has started it yet (the first save or completion does). */
const startOf = (app: Application) => (hasTag(app, 'awaitsFormalCheck') ? workflowOf(app).formalCheck?.start : undefined);

/** Outcome of the API → the key of the workflow's formalCheck naming its transition. */
const OUTCOME_KEY: Record<FormalCheckOutcomeKind, keyof FormalCheckTransitions> = { pass: 'pass', return: 'return', ineligible: 'ineligible' };
/** What a completion does in a workflow whose 適 fires nothing: the pass is recorded for a later decision. */
const PASS_RECORDED_LABEL = '要件確認を完了（適）';

/** One outcome the checklist offers, as GET …/formal-check answers it (`outcomes`). */
export interface FormalCheckOutcomeOffer {
  outcome: FormalCheckOutcomeKind;
  /** the transition the outcome fires; null: a 適 only recorded */
  transition: string | null;
  /** the button text: the transition's label in the definition */
  label: string;
}

/**
 * The outcomes the checklist of `definition` offers, each with the transition it fires (null: the 適 is
 * only recorded) and its label: what the admin shows as buttons. An outcome the workflow does not name
 * (IT導入 and 給付金 have no 要件不適合) is not offered.
 */
export function formalCheckOutcomes(definition: WorkflowDefinition): FormalCheckOutcomeOffer[] {
  const fc = definition.formalCheck;
  if (!fc) return [];
  return FORMAL_CHECK_OUTCOMES.flatMap((outcome): FormalCheckOutcomeOffer[] => {
    const name = fc[OUTCOME_KEY[outcome]];
    if (outcome === 'pass' && !name) return [{ outcome, transition: null, label: PASS_RECORDED_LABEL }];
    if (!name) return [];
    return [{ outcome, transition: name, label: findTransition(definition, name)?.label ?? name }];
  });
}

/**
 * 要件確認: the checklist of an application's category (documents, eligibility, 認定支援機関,
 * declarations), answered item by item with a comment, then completed with one of the outcomes the
 * application's workflow names (its definition's formalCheck: 補助金 審査へ / 差戻し / 要件不適合, IT導入 適
 * recorded / 差戻し, 給付金 審査開始 / 不備). The answers are stored on the application (formal_check);
 * completing fires the outcome's transition in the same transaction, so the checklist, the state, its
 * audit record and the applicant's email agree.
 */
@Injectable()
export class FormalCheckService {
  constructor(
    private readonly formalChecks: FormalCheckRepository,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly assignments: AssignmentsRepository,
    private readonly rules: RulesRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async get(applicationId: string, user: AuthenticatedUser) {
    const app = await this.visible(applicationId, user);
    return this.view(app);
  }

  /** Saves the answers given so far (a draft); opening the checklist of a received application starts the 要件確認. */
  async save(applicationId: string, answers: FormalCheckAnswer[], user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const app = await this.lockOpen(applicationId, user, tx);
      const items = await this.checklist(app, tx);
      refuseUnexplained(items, overridesWithoutReason(items, answers));
      const records = this.merge(items, app.formalCheck, answers);
      await this.applications.saveFormalCheck(
        app.id,
        { passed: false, completed: false, items: records, failedItems: records.filter((r) => r.passed === false).map((r) => r.code) },
        tx,
      );
      // the 要件確認 starts before anything is judged in it: the trail reads 開始, then the judgements
      const start = startOf(app);
      if (start) await this.transitions.fireIn(tx, app.id, start, actorOf(user), meta);
      await this.auditOverrides(app, items, records, user, meta, tx);
      return this.view((await this.applications.find(app.id, tx))!, tx);
    });
  }

  async complete(applicationId: string, dto: CompleteFormalCheckDto, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const app = await this.lockOpen(applicationId, user, tx);
      const items = await this.checklist(app, tx);
      const records = this.merge(items, app.formalCheck, dto.answers ?? []);
      const evaluation = evaluateFormalCheck(
        items,
        records
          .filter((r) => r.passed !== null)
          .map((r) => ({ code: r.code, passed: r.passed!, comment: r.comment ?? undefined, overrideReason: r.overrideReason ?? undefined })),
      );
      refuseUnexplained(
        items,
        evaluation.overridden.filter((o) => o.reason === null).map((o) => o.code),
      );
      const transition = this.transitionFor(app, dto.outcome, evaluation, dto.reason);
      // 差戻し asks for the corrections; 要件不適合 ends the application, so it names the requirements not met and asks nothing
      const reason =
        dto.outcome === 'ineligible'
          ? unmetRequirements(evaluation.failed, dto.reason)
          : dto.reason?.trim() || (evaluation.failed.length ? correctionRequest(evaluation.failed) : undefined);
      const start = startOf(app);
      if (start) await this.transitions.fireIn(tx, app.id, start, actorOf(user), meta);
      await this.auditOverrides(app, items, records, user, meta, tx);
      await this.applications.saveFormalCheck(
        app.id,
        {
          passed: dto.outcome === 'pass',
          completed: true,
          items: records,
          failedItems: evaluation.failed.map((f) => f.code),
          checkedBy: user.id,
          checkedAt: new Date().toISOString(),
        },
        tx,
      );
      // The checker's assignment is done, except after a 差戻し: the resubmission comes back to them.
      if (dto.outcome !== 'return') await this.assignments.completeFormalCheck(app.id, tx);
      const formalCheck = { outcome: dto.outcome, failedItems: evaluation.failed.map((f) => f.code), overridden: evaluation.overridden, items: records };
      if (transition === null) {
        // the workflow records the 適 and a later transition reads it (formalCheckPassed): audited here, the
        // state unchanged (from = to, so the application's trail still ends in its current state)
        await this.audit.record(
          {
            actor: user,
            action: 'formalCheck.passed',
            entityType: 'application',
            entityId: app.id,
            fromStatus: app.status,
            toStatus: app.status,
            changes: { status: app.status, formalCheck },
            ...meta,
          },
          tx,
        );
        return { transition: null, formalCheck: await this.view((await this.applications.find(app.id, tx))!, tx) };
      }
      const outcome = await this.transitions.fireIn(tx, app.id, transition, actorOf(user), { ...meta, reason, auditExtra: { formalCheck } });
      return { transition: outcome.transition, formalCheck: await this.view(outcome.application, tx) };
    });
  }

  /**
   * The transition the workflow's formalCheck names for `outcome` (null: a 適 only recorded). An outcome
   * the workflow does not offer is refused, naming the ones it does.
   */
  private transitionFor(
    app: Application,
    outcome: FormalCheckOutcomeKind,
    evaluation: ReturnType<typeof evaluateFormalCheck>,
    reason: string | undefined,
  ): string | null {
    const offered = formalCheckOutcomes(workflowOf(app));
    const chosen = offered.find((o) => o.outcome === outcome);
    const labels = offered.map((o) => `「${o.label}」`).join('、');
    if (!chosen) {
      throw new FormalCheckError(
        'FORMAL_CHECK_OUTCOME_NOT_OFFERED',
        { offered: offered.map((o) => o.outcome) },
        `この手続の要件確認では選べない結果です。${labels}のいずれかを選んでください。`,
      );
    }
    if (outcome === 'pass') {
      if (!evaluation.complete) throw new FormalCheckError('FORMAL_CHECK_INCOMPLETE', { missing: evaluation.missing });
      if (!evaluation.passed) {
        const others = offered
          .filter((o) => o.outcome !== 'pass')
          .map((o) => `「${o.label}」`)
          .join('か');
        throw new FormalCheckError(
          'FORMAL_CHECK_OUTCOME_MISMATCH',
          { failed: evaluation.failed },
          `不適の項目があるため「${chosen.label}」はできません。${others}を選んでください。`,
        );
      }
      return chosen.transition;
    }
    if (evaluation.failed.length === 0) {
      throw new FormalCheckError('FORMAL_CHECK_OUTCOME_MISMATCH', {}, `「${chosen.label}」には、不適とした項目が少なくとも1つ必要です。`);
    }
    // the 差戻し mail lists the items to correct: an item without a comment reached the applicant as a bare label
    const unexplained = outcome === 'return' && !hasVisibleText(reason) ? evaluation.failed.filter((f) => !hasVisibleText(f.comment)) : [];
    if (unexplained.length) {
      throw new FormalCheckError(
        'CORRECTION_UNEXPLAINED',
        { errors: unexplained.map((f) => ({ field: 'answers', message: `「${f.label}」のコメントを入力してください` })) },
        `差戻しでは、不適とした項目ごとに、申請者が何を直せばよいかをコメントに書いてください（${unexplained.map((f) => `「${f.label}」`).join('、')}）。`,
      );
    }
    return chosen.transition;
  }

  /**
   * One audit record (`formalCheck.overridden`) per item marked 適 against the system's 不適 whose reason is
   * new or changed since the stored answers, in the transaction that stores it.
   */
  private async auditOverrides(
    app: Application,
    items: FormalCheckItem[],
    records: FormalCheckRecord[],
    user: AuthenticatedUser,
    meta: RequestMeta,
    tx: Transaction,
  ) {
    const before = new Map((app.formalCheck?.items ?? []).map((r) => [r.code, r]));
    const needs = new Map(items.filter((i) => i.passNeedsReason).map((i) => [i.code, i]));
    for (const r of records) {
      const item = needs.get(r.code);
      if (!item || r.passed !== true || !r.overrideReason) continue;
      const p = before.get(r.code);
      if (p?.passed === true && p.overrideReason === r.overrideReason) continue;
      await this.audit.record(
        {
          actor: user,
          action: 'formalCheck.overridden',
          entityType: 'application',
          entityId: app.id,
          reason: r.overrideReason,
          changes: {
            item: r.code,
            label: r.label,
            suggestion: item.suggestion,
            passed: true,
            hint: item.hint ?? null,
            failedRequirements: item.failedRequirements ?? [],
          },
          ...meta,
        },
        tx,
      );
    }
  }

  /** Earlier answers kept, new answers applied, against the current checklist; unknown or repeated codes refused. */
  private merge(items: FormalCheckItem[], previous: FormalCheckOutcome | null, answers: FormalCheckAnswer[]): FormalCheckRecord[] {
    const known = new Set(items.map((i) => i.code));
    const unknown = answers.filter((a) => !known.has(a.code));
    // one answer per item: two would leave which one counts to their order
    const repeated = [...new Set(answers.filter((a, i) => answers.findIndex((b) => b.code === a.code) !== i).map((a) => a.code))];
    if (unknown.length || repeated.length) {
      throw new FormalCheckError('INVALID_FORMAL_CHECK', {
        errors: [
          ...unknown.map((a) => ({ field: `answers.${a.code}`, message: `確認項目「${a.code}」はこの申請のチェックリストにありません` })),
          ...repeated.map((code) => ({ field: `answers.${code}`, message: `確認項目「${code}」への回答が2つ以上あります。1つにしてください` })),
        ],
      });
    }
    const before = new Map((previous?.items ?? []).map((r) => [r.code, r]));
    const given = new Map(answers.map((a) => [a.code, a]));
    return items.map((i) => {
      const a = given.get(i.code);
      const p = before.get(i.code);
      return {
        code: i.code,
        label: i.label,
        passed: a ? a.passed : (p?.passed ?? null),
        comment: a ? a.comment?.trim() || null : (p?.comment ?? null),
        overrideReason: a ? (a.passed ? a.overrideReason?.trim() || null : null) : (p?.overrideReason ?? null),
      };
    });
  }

  private async checklist(app: Application, tx?: Transaction): Promise<FormalCheckItem[]> {
    const category = (await this.rules.findCategory(app.categoryId, tx))!;
    const presentAttachmentKinds = await this.formalChecks.attachmentKinds(app.id, tx);
    const required = requiredAttachmentKinds(category.config, app.quotedAmount);
    return buildFormalChecklist({
      requiredAttachments: required.map((kind) => ({ kind, label: ATTACHMENT_KINDS[kind] })),
      presentAttachmentKinds,
      // no intake channel: it came on paper (a bulk import), its documents with it (README "Bulk import")
      receivedOnPaper: app.channelId === null,
      // the stored eligibility report (every unmet requirement), not the quote's own flag
      eligibility: formalCheckEligibility(app.eligibility, app.quote),
      advisorRequired: required.includes('advisorConfirmation'),
      advisorName: app.certifiedAdvisor?.name ?? null,
    });
  }

  private async view(app: Application, tx?: Transaction) {
    const items = await this.checklist(app, tx);
    const saved = new Map((app.formalCheck?.items ?? []).map((r) => [r.code, r]));
    return {
      id: app.id,
      applicationId: app.id,
      status: app.status,
      open: isOpen(app),
      outcomes: formalCheckOutcomes(workflowOf(app)),
      completed: app.formalCheck?.completed === true,
      passed: app.formalCheck?.completed ? app.formalCheck.passed : null,
      checkedBy: app.formalCheck?.checkedBy ?? null,
      checkedAt: app.formalCheck?.checkedAt ?? null,
      items: items.map((i) => ({
        ...i,
        passed: saved.get(i.code)?.passed ?? null,
        comment: saved.get(i.code)?.comment ?? null,
        overrideReason: saved.get(i.code)?.overrideReason ?? null,
      })),
    };
  }

  private async visible(id: string, user: AuthenticatedUser, tx?: Transaction): Promise<Application> {
    const app = await this.applications.findVisible(id, user, tx);
    if (!app) throw new FormalCheckError('APPLICATION_NOT_FOUND');
    return app;
  }

  /**
   * The application, locked for this transaction, if its 要件確認 is open. A reviewer's assignment on it is
   * locked too (after the application, as scoring takes them): an assignment revoked meanwhile ends the
   * reviewer's access here, instead of the check being saved past the revocation.
   */
  private async lockOpen(id: string, user: AuthenticatedUser, tx: Transaction): Promise<Application> {
    await this.visible(id, user, tx);
    await this.formalChecks.lockApplication(id, tx);
    if (user.role === 'reviewer' && !(await this.assignments.holdsAssignment(id, user.id, tx))) throw new FormalCheckError('APPLICATION_NOT_FOUND');
    const app = (await this.applications.find(id, tx))!;
    if (!isOpen(app)) throw new FormalCheckError('FORMAL_CHECK_NOT_OPEN', { status: app.status });
    return app;
  }
}

/** 422 naming each item marked 適 against the system's 不適 without a reason. */
function refuseUnexplained(items: FormalCheckItem[], codes: string[]) {
  if (codes.length === 0) return;
  const label = (code: string) => items.find((i) => i.code === code)?.label ?? code;
  throw new FormalCheckError('OVERRIDE_REASON_REQUIRED', {
    errors: codes.map((code) => ({
      field: `answers.${code}.overrideReason`,
      message: `「${label(code)}」はシステムの判定が不適です。適とする理由を入力してください`,
    })),
  });
}

const actorOf = (user: AuthenticatedUser) => ({ role: user.role, id: user.id, staff: user });
