import {
  ATTACHMENT_KINDS,
  buildFormalChecklist,
  correctionRequest,
  evaluateFormalCheck,
  requiredAttachmentKinds,
  type FormalCheckAnswer,
  type FormalCheckItem,
} from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import type { Application, FormalCheckOutcome, FormalCheckRecord } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionsService } from '../applications/transitions.service';
import { Attachment } from '../intake/attachment.entity';
import { Category } from '../programs/category.entity';
import type { CompleteFormalCheckDto, FormalCheckOutcomeKind } from './dto/formal-check.dto';
import { ReviewError } from './review.errors';

/** States in which the 要件確認 is open: received, being checked, or corrected and resubmitted. */
const OPEN_STATES = ['submitted', 'formalCheck', 'resubmitted'];
const NOT_STARTED = ['submitted', 'resubmitted'];


/**
 * 要件確認: the checklist of an application's category (documents, eligibility, 認定支援機関,
 * declarations), answered item by item with a comment, then completed as 審査へ / 差戻し / 要件不適合.
 * The answers are stored on the application (formal_check); completing fires the transition in the
 * same transaction, so the checklist, the state, its audit record and the applicant's email agree.
 */
@Injectable()
export class FormalCheckService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
  ) {}

  async get(applicationId: string, user: AuthenticatedUser) {
    const m = this.applications.manager();
    const app = await this.visible(m, applicationId, user);
    return this.view(m, app);
  }

  /** Saves the answers given so far (a draft); opening the checklist of a received application starts the 要件確認. */
  async save(applicationId: string, answers: FormalCheckAnswer[], user: AuthenticatedUser, meta: RequestMeta) {
    return this.applications.transaction(async (m) => {
      const app = await this.lockOpen(m, applicationId, user);
      const items = await this.checklist(m, app);
      const records = this.merge(items, app.formalCheck, answers);
      await this.store(m, app.id, { passed: false, completed: false, items: records, failedItems: records.filter((r) => r.passed === false).map((r) => r.code) });
      if (NOT_STARTED.includes(app.status)) await this.transitions.fireIn(m, app.id, 'startFormalCheck', actorOf(user), meta);
      return this.view(m, (await this.applications.find(app.id, m))!);
    });
  }

  async complete(applicationId: string, dto: CompleteFormalCheckDto, user: AuthenticatedUser, meta: RequestMeta) {
    return this.applications.transaction(async (m) => {
      const app = await this.lockOpen(m, applicationId, user);
      const items = await this.checklist(m, app);
      const records = this.merge(items, app.formalCheck, dto.answers ?? []);
      const evaluation = evaluateFormalCheck(items, records.filter((r) => r.passed !== null).map((r) => ({ code: r.code, passed: r.passed!, comment: r.comment ?? undefined })));
      const transition = this.transitionFor(dto.outcome, evaluation);
      const reason = dto.reason?.trim() || (evaluation.failed.length ? correctionRequest(evaluation.failed) : undefined);
      await this.store(m, app.id, {
        passed: dto.outcome === 'pass',
        completed: true,
        items: records,
        failedItems: evaluation.failed.map((f) => f.code),
        checkedBy: user.id,
        checkedAt: new Date().toISOString(),
      });
      if (NOT_STARTED.includes(app.status)) await this.transitions.fireIn(m, app.id, 'startFormalCheck', actorOf(user), meta);
      // The checker's assignment is done, except after a 差戻し: the resubmission comes back to them.
      if (dto.outcome !== 'return') {
        await m.query(`UPDATE application_assignment SET submitted_at = now() WHERE application_id = $1 AND purpose = 'formalCheck' AND revoked_at IS NULL AND submitted_at IS NULL`, [app.id]);
      }
      const outcome = await this.transitions.fireIn(m, app.id, transition, actorOf(user), {
        ...meta,
        reason,
        auditExtra: { formalCheck: { outcome: dto.outcome, failedItems: evaluation.failed.map((f) => f.code), items: records } },
      });
      return { transition: outcome.transition, formalCheck: await this.view(m, outcome.application) };
    });
  }

  private transitionFor(outcome: FormalCheckOutcomeKind, evaluation: ReturnType<typeof evaluateFormalCheck>): string {
    if (outcome === 'pass') {
      if (!evaluation.complete) throw new ReviewError('FORMAL_CHECK_INCOMPLETE', { missing: evaluation.missing });
      if (!evaluation.passed) throw new ReviewError('FORMAL_CHECK_OUTCOME_MISMATCH', { failed: evaluation.failed }, '不適の項目があるため「審査へ」進められません。差戻しか要件不適合を選んでください。');
      return 'passFormalCheck';
    }
    if (evaluation.failed.length === 0) {
      throw new ReviewError('FORMAL_CHECK_OUTCOME_MISMATCH', {}, '差戻し・要件不適合には、不適とした項目が少なくとも1つ必要です。');
    }
    return outcome === 'return' ? 'returnForCorrection' : 'markIneligible';
  }

  /** Earlier answers kept, new answers applied, against the current checklist; unknown codes refused. */
  private merge(items: FormalCheckItem[], previous: FormalCheckOutcome | null, answers: FormalCheckAnswer[]): FormalCheckRecord[] {
    const known = new Set(items.map((i) => i.code));
    const unknown = answers.filter((a) => !known.has(a.code));
    if (unknown.length) {
      throw new ReviewError('INVALID_FORMAL_CHECK', { errors: unknown.map((a) => ({ field: `answers.${a.code}`, message: `確認項目「${a.code}」はこの申請のチェックリストにありません` })) });
    }
    const before = new Map((previous?.items ?? []).map((r) => [r.code, r]));
    const given = new Map(answers.map((a) => [a.code, a]));
    return items.map((i) => {
      const a = given.get(i.code);
      const p = before.get(i.code);
      return { code: i.code, label: i.label, passed: a ? a.passed : (p?.passed ?? null), comment: a ? (a.comment?.trim() || null) : (p?.comment ?? null) };
    });
  }

  private async checklist(m: EntityManager, app: Application): Promise<FormalCheckItem[]> {
    const category = await m.findOneByOrFail(Category, { id: app.categoryId });
    const attachments = await m.find(Attachment, { where: { applicationId: app.id }, select: { kind: true } });
    const required = requiredAttachmentKinds(category.config, app.quotedAmount);
    const quote = app.quote as { eligible?: boolean; ineligibility?: { message: string }[] } | null;
    return buildFormalChecklist({
      requiredAttachments: required.map((kind) => ({ kind, label: ATTACHMENT_KINDS[kind] })),
      presentAttachmentKinds: attachments.map((a) => a.kind),
      eligibility: quote ? { eligible: quote.eligible === true, reasons: quote.ineligibility?.map((i) => i.message) ?? [] } : null,
      advisorRequired: required.includes('advisorConfirmation'),
      advisorName: app.certifiedAdvisor?.name ?? null,
    });
  }

  private async view(m: EntityManager, app: Application) {
    const items = await this.checklist(m, app);
    const saved = new Map((app.formalCheck?.items ?? []).map((r) => [r.code, r]));
    return {
      id: app.id,
      applicationId: app.id,
      status: app.status,
      open: OPEN_STATES.includes(app.status),
      completed: app.formalCheck?.completed === true,
      passed: app.formalCheck?.completed ? app.formalCheck.passed : null,
      checkedBy: app.formalCheck?.checkedBy ?? null,
      checkedAt: app.formalCheck?.checkedAt ?? null,
      items: items.map((i) => ({ ...i, passed: saved.get(i.code)?.passed ?? null, comment: saved.get(i.code)?.comment ?? null })),
    };
  }

  private async store(m: EntityManager, id: string, outcome: FormalCheckOutcome) {
    await m.query(`UPDATE application SET formal_check = $2, updated_at = now() WHERE id = $1`, [id, JSON.stringify(outcome)]);
  }

  private async visible(m: EntityManager, id: string, user: AuthenticatedUser): Promise<Application> {
    const app = await this.applications.findVisible(id, user, m);
    if (!app) throw new ReviewError('APPLICATION_NOT_FOUND');
    return app;
  }

  /** The application, locked for this transaction, if its 要件確認 is open. */
  private async lockOpen(m: EntityManager, id: string, user: AuthenticatedUser): Promise<Application> {
    await this.visible(m, id, user);
    await m.query(`SELECT 1 FROM application WHERE id = $1 FOR UPDATE`, [id]);
    const app = (await this.applications.find(id, m))!;
    if (!OPEN_STATES.includes(app.status)) throw new ReviewError('FORMAL_CHECK_NOT_OPEN', { status: app.status });
    return app;
  }
}

const actorOf = (user: AuthenticatedUser) => ({ role: user.role, id: user.id, staff: user });
