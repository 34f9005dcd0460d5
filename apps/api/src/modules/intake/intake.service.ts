import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ATTACHMENT_KINDS,
  correctionIdentityProblems,
  formatJst,
  formatJstMillis,
  isBeforeRoundDeadline,
  validateApplication,
  type ApplicationHolder,
} from '@jimukyoku/domain';
import { getWorkflow, stateHasTag } from '@jimukyoku/workflow';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { quoteApplication } from '../applications/application-quote';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AssignmentsService } from '../assignments/assignments.service';
import { draftApplication } from '../applications/application-drafts';
import { TransitionsService, type TransitionActor, type TransitionOptions } from '../applications/transitions.service';
import { AuditService } from '../audit/audit.service';
import { statusAsAnnounced } from '../notifications/held-decisions.repository';
import { stateLabel } from '../applications/state-label';
import type { Category } from '../programs/category.entity';
import { RoundsRepository, type DrawnReceipt, type RoundContext } from '../rounds/rounds.repository';
import { RubricsService } from '../rubrics/rubrics.service';
import { StatusLinksService } from '../status-links/status-links.service';
import type { Attachment } from './attachment.entity';
import type { IntakeApplicationDto } from './dto/intake-application.dto';
import type { PaperResubmissionDto } from './dto/paper-resubmission.dto';
import { onceForKey, requestHash, type Answer, type AnswerStore, type StoredResponse } from './idempotency';
import type { IntakeChannel } from './intake-channel.entity';
import { IntakeError } from './intake.errors';
import { IntakeRepository } from './intake.repository';
import { benefitIntakeProblems, preCheckFacts } from './benefit-intake';
import { applicationFields, applicationInput } from './intake-payload';
import { defaultReceiptPrefix, formatReceiptNumber } from './receipt-number';

/**
 * The transitions that hand an application over, per workflow, fired in order in the intake
 * transaction. The benefit (事業復活支援金) first records its 事前確認 — confirmPreCheck, or waivePreCheck
 * for an earlier 一時支援金/月次支援金 recipient — then submits; only the submit notifies (受付).
 */
const SUBMIT_TRANSITIONS: Record<string, ((app: Pick<Application, 'previousRecipient'>) => string[]) | undefined> = {
  subsidy: () => ['submit'],
  itSubsidy: () => ['applyForGrant'],
  benefit: (app) => [app.previousRecipient ? 'waivePreCheck' : 'confirmPreCheck', 'submit'],
};

/** Where an application comes from: an intake channel, or a row of a bulk import. */
export interface IntakeSource {
  channel?: IntakeChannel;
  importId?: string;
  row?: number;
  /** the documents arrived on paper with the import: the attachment check is satisfied */
  documentsOnPaper?: boolean;
}

/** The round context a submission is checked and written against, loaded once (RoundsRepository.context). */
type OfferedContext = RoundContext & { category: Category };

/**
 * Deadline-proof intake. One transaction per submission: the database clock decides the deadline,
 * the whole payload is validated against the round's category, the application is created and
 * submitted through the workflow (a 事業復活支援金 after its 事前確認; audit records and the one 受付
 * notification included), its attachments are linked, and the answer is stored under the
 * Idempotency-Key — or nothing is written at all.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly intake: IntakeRepository,
    private readonly rounds: RoundsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly statusLinks: StatusLinksService,
    private readonly rubrics: RubricsService,
    private readonly audit: AuditService,
    private readonly assignments: AssignmentsService,
  ) {}

  async submit(channel: IntakeChannel, dto: IntakeApplicationDto, idempotencyKey: string): Promise<StoredResponse> {
    return this.unitOfWork.run((tx) => {
      // the answer, its status link and its storing under the key are written with the application, in one statement
      const work = async (answers: AnswerStore): Promise<Answer> => {
        let answer: Answer | undefined;
        await this.acceptIn(tx, { channel }, dto, (chain, app, written, now) => {
          answer = { status: HttpStatus.CREATED, body: receipt(written, this.statusLinks.newUrlIn(chain, app, now)) };
          answers.inChain(chain, app, answer);
        });
        return answer!;
      };
      return onceForKey(this.intake, tx, channel.id, idempotencyKey, requestHash(dto), work);
    });
  }

  async resubmit(channel: IntakeChannel, applicationId: string, dto: IntakeApplicationDto, idempotencyKey?: string): Promise<StoredResponse> {
    // before the id goes into the stored key: a path of thousands of characters is no application, not a 500
    if (!isUuid(applicationId)) throw new IntakeError('APPLICATION_NOT_FOUND');
    return this.unitOfWork.run((tx) => {
      const work = () => this.correct(tx, channel, applicationId, dto);
      return idempotencyKey
        ? onceForKey(this.intake, tx, channel.id, `resubmit:${applicationId}:${idempotencyKey}`, requestHash(dto), work)
        : work().then((r) => ({ ...r, replayed: false }));
    });
  }

  async status(channel: IntakeChannel, applicationId: string) {
    if (!isUuid(applicationId)) throw new IntakeError('APPLICATION_NOT_FOUND');
    return this.unitOfWork.run(async (tx) => {
      const app = await this.applications.findOfChannel(applicationId, channel.id, tx);
      if (!app) throw new IntakeError('APPLICATION_NOT_FOUND');
      // the portal reads what the applicant may know: a decision whose notice is still held is not told (README "Status page")
      const status = statusAsAnnounced(app.status, await this.applications.heldDecisionOf(app.id, tx));
      return receipt({ ...app, status }, await this.statusLinks.urlFor(app.id, tx));
    });
  }

  /**
   * Accepts one application inside the caller's transaction, or throws and writes nothing. Used by the
   * intake API (a channel, uploaded attachments) and by bulk imports (documents received on paper).
   * The round, its programme, the category and the round's settings for it are read once, here, and
   * handed to validation, the quote, the draft and decide(). `alongside` adds writes of the caller's to the
   * statement that writes the application (the intake API: its status link and stored answer), given the
   * application as it will be stored and the transaction's clock.
   */
  async acceptIn(
    tx: Transaction,
    source: IntakeSource,
    dto: IntakeApplicationDto,
    alongside?: (chain: WriteChain, application: ChainPart<Application>, written: Application, now: Date) => void,
  ): Promise<Application> {
    // The receipt: the context's statement also draws the 受付番号 and reads the clock, so numbers follow
    // receipt order; a refused request leaves a gap in the numbers (allowed), never a duplicate.
    const context = await this.target(tx, dto, true);
    const { round, program, category } = context;
    const prefix = round.receiptPrefix ?? defaultReceiptPrefix(program.code, round.number);
    const { receivedAt: now, transactionNow } = context.receipt;
    const receiptNumber = formatReceiptNumber(prefix, context.receipt.sequence);
    if (now < round.opensAt)
      throw new IntakeError('ROUND_NOT_OPEN', { opensAt: round.opensAt }, `公募開始 (${formatJst(round.opensAt)}) 前のため受け付けられません。`);
    if (!isBeforeRoundDeadline(round, now)) {
      throw new IntakeError(
        'ROUND_CLOSED',
        { closesAt: round.closesAt, receivedAt: now },
        `応募締切 (${formatJst(round.closesAt)}) を過ぎているため受け付けられません (受信 ${formatJstMillis(now)})。締切の時刻ちょうど以降に受信した申請は受け付けられません。`,
      );
    }
    const transitionsOf = SUBMIT_TRANSITIONS[program.workflowKind];
    if (!transitionsOf) throw new IntakeError('UNSUPPORTED_WORKFLOW');
    const attachments = source.channel ? await this.attachmentsOf(tx, source.channel, dto.attachmentIds ?? []) : [];
    this.validate(category, dto, source.documentsOnPaper ? 'onPaper' : attachments, undefined, await this.bonusItemProblems(tx, round.id, category.id, dto));
    const draft = draftApplication(
      {
        roundId: round.id,
        categoryId: category.id,
        ...applicationFields(dto),
        receiptNumber,
        receivedAt: now,
        receivedInGrace: now >= round.closesAt,
        channelId: source.channel?.id ?? null,
        importId: source.importId ?? null,
        ...preCheckFacts(category.config, dto),
      },
      context,
    );
    const actor = { role: 'intake' as const, id: source.channel?.id ?? null };
    const origin = source.importId ? { importId: source.importId, row: source.row } : {};
    const steps = transitionsOf(draft).map((transition) => {
      // the 事前確認通知番号 and 機関名 go into the audit record of confirmPreCheck
      const auditExtra = transition === 'confirmPreCheck' && draft.preCheck ? { ...origin, preCheck: draft.preCheck } : origin;
      return { transition, auditExtra: Object.keys(auditExtra).length ? auditExtra : undefined };
    });
    // decided on the draft in memory and written once, in its submitted state (its indexes written once), in one
    // statement with its audit records, its 受付 notice and its attachments' link
    const application = await this.transitions.fireOnNewIn(
      tx,
      draft,
      steps,
      actor,
      { round, offered: context.offered, category, now: transactionNow, ruleSetLocked: context.ruleSetLocked },
      (chain, app, written) => {
        if (attachments.length)
          this.intake.linkAttachmentsIn(
            chain,
            'attachment_link',
            attachments.map((a) => a.id),
            app,
          );
        alongside?.(chain, app, written, transactionNow);
      },
    );
    // one application per 法人番号 and round: the constraint decides (also between concurrent submissions); name the first
    if (!application)
      throw await this.duplicateError(round.id, dto.applicant.corporateNumber!, tx, source.channel ? { channelId: source.channel.id } : 'staff');
    return application;
  }

  /** 差戻し → 再提出 through the channel the application came from. */
  private async correct(tx: Transaction, channel: IntakeChannel, applicationId: string, dto: IntakeApplicationDto) {
    const app = await this.applications.findOfChannel(applicationId, channel.id, tx);
    if (!app) throw new IntakeError('APPLICATION_NOT_FOUND');
    // the corrected payload may list the application's own documents again (the one it was returned with): they are
    // kept as they are; only the others must be new uploads of this channel. A resend of a resubmission thus reaches
    // the workflow, which refuses it (409) from the state the first left.
    const kept = await this.intake.attachmentsOf(app.id, tx);
    const own = new Set(kept.map((a) => a.id));
    const newAttachments = await this.attachmentsOf(
      tx,
      channel,
      (dto.attachmentIds ?? []).filter((id) => !own.has(id)),
    );
    const application = await this.applyCorrection(tx, app, dto, [...kept, ...newAttachments], { role: 'intake', id: channel.id }, {});
    if (newAttachments.length)
      await this.intake.linkAttachments(
        newAttachments.map((a) => a.id),
        app.id,
        tx,
      );
    return { status: HttpStatus.OK, body: receipt(application, await this.statusLinks.urlFor(application.id, tx)) };
  }

  /**
   * 差戻し → 再提出 of an application that came on paper (a bulk import: no channel to resubmit through),
   * recorded by a staff member on the applicant's behalf: the same payload and checks as a channel's
   * resubmission (documents on paper, as at the import), and the audit record naming the staff member,
   * the documents received and their note. An electronic application is corrected by its applicant.
   */
  async resubmitOnPaper(user: AuthenticatedUser, applicationId: string, dto: PaperResubmissionDto, meta: RequestMeta) {
    return this.unitOfWork.run(async (tx) => {
      const app = await this.applications.findVisible(applicationId, user, tx);
      if (!app) throw new IntakeError('APPLICATION_NOT_FOUND');
      if (app.channelId) throw new IntakeError('RESUBMIT_THROUGH_CHANNEL');
      const documents = [...new Set(dto.documents)];
      // its documents came on paper, as at the import: they count as every required attachment
      const application = await this.applyCorrection(
        tx,
        app,
        dto.application,
        'onPaper',
        { role: 'intake', id: user.id, staff: user },
        { ...meta, auditExtra: { onBehalfOfApplicant: true, documentsOnPaper: documents, note: dto.note.trim() } },
      );
      return receipt(application, await this.statusLinks.urlFor(application.id, tx));
    });
  }

  /** The corrected payload replaces the data (quote recomputed), keeps the 受付番号 and history, and fires resubmit. */
  private async applyCorrection(
    tx: Transaction,
    app: Application,
    dto: IntakeApplicationDto,
    attachments: Attachment[] | 'onPaper',
    actor: TransitionActor,
    options: Pick<TransitionOptions, 'auditExtra' | 'requestId' | 'ip'>,
  ): Promise<Application> {
    if (dto.roundId !== app.roundId) throw new IntakeError('INVALID_APPLICATION', { errors: [{ field: 'roundId', message: 'roundId は変更できません' }] });
    const { category } = await this.target(tx, dto);
    if (category.id !== app.categoryId)
      throw new IntakeError('INVALID_APPLICATION', { errors: [{ field: 'categoryCode', message: '類型は申請後に変更できません' }] });
    this.validate(category, dto, attachments, app, await this.bonusItemProblems(tx, app.roundId, category.id, dto));
    const fields = applicationFields(dto);
    // the corrections together fix the 法人番号 or the 事業者名 as submitted, not both: that would be another company
    // taking the application. Each resubmission's audit record keeps the holder it corrected; the oldest is as submitted.
    const holder: ApplicationHolder = { applicantName: app.applicantName, corporateNumber: app.corporateNumber };
    const submitted =
      ((await this.audit.earliestChange('application', app.id, 'application.resubmit', 'correctedHolder', tx)) as ApplicationHolder | null) ?? holder;
    const identity = correctionIdentityProblems(submitted, fields);
    if (identity.length) throw new IntakeError('INVALID_APPLICATION', { errors: identity }, identity[0].message);
    // a corrected 法人番号 may not be another application's in the round (1公募回につき1法人1申請)
    if (fields.corporateNumber && fields.corporateNumber !== app.corporateNumber) {
      const taken = await this.applications.findByCorporateNumber(app.roundId, fields.corporateNumber, tx);
      if (taken && taken.id !== app.id)
        throw await this.duplicateError(app.roundId, fields.corporateNumber, tx, actor.staff ? 'staff' : { channelId: actor.id }, taken);
    }
    const q = quoteApplication(category.config, fields);
    const updated = await this.applications.updateData(app.id, { ...fields, quote: q.quote, quotedAmount: q.amount, eligibility: q.eligibility } as never, tx);
    // taken meanwhile by a concurrent correction: the transaction is aborted, so no lookup of the other's 受付番号
    if (!updated) throw new IntakeError('DUPLICATE_APPLICATION', { field: 'applicant.corporateNumber' });
    const { application } = await this.transitions.fireIn(tx, app.id, 'resubmit', actor, {
      ...options,
      auditExtra: { ...options.auditExtra, correctedHolder: holder },
    });
    // its 要件確認 reopened, and no reviewer who declared a conflict with the corrected 法人番号 or name left on it
    // (a revocation names staff only: the portal's channel is on the resubmission's own audit record)
    await this.assignments.reopenAfterCorrection(app.id, { role: actor.role, id: actor.staff?.id ?? null }, options, tx);
    return application;
  }

  /**
   * The round and the category it offers under the payload's code, with its programme: one statement,
   * which with `drawReceipt` also draws the round's next 受付番号 and reads the clocks.
   */
  private async target(tx: Transaction, dto: IntakeApplicationDto): Promise<OfferedContext>;
  private async target(tx: Transaction, dto: IntakeApplicationDto, drawReceipt: true): Promise<OfferedContext & { receipt: DrawnReceipt }>;
  private async target(tx: Transaction, dto: IntakeApplicationDto, drawReceipt = false): Promise<OfferedContext & { receipt?: DrawnReceipt }> {
    const context = drawReceipt
      ? await this.rounds.context(dto.roundId, dto.categoryCode, tx, true)
      : await this.rounds.context(dto.roundId, dto.categoryCode, tx);
    if (!context) throw new IntakeError('ROUND_NOT_FOUND', { field: 'roundId' });
    if (!context.category) throw new IntakeError('CATEGORY_NOT_OFFERED', { field: 'categoryCode' });
    return context as OfferedContext & { receipt?: DrawnReceipt };
  }

  /** Attachments this channel uploaded and that belong to no application yet. */
  private async attachmentsOf(tx: Transaction, channel: IntakeChannel, ids: string[]): Promise<Attachment[]> {
    if (ids.length === 0) return [];
    const found = await this.intake.unlinkedAttachments(ids, channel.id, tx);
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length) {
      throw new IntakeError('INVALID_APPLICATION', {
        errors: missing.map((id) => ({ field: 'attachmentIds', message: `添付書類 ${id} が見つかりません (未登録、または別の申請で使用済み)` })),
      });
    }
    return found;
  }

  /**
   * Every problem of the payload as a 422 (for the benefit also its sales and 事前確認); documents received
   * on paper count as every required attachment. A resubmission keeps the 事前確認 recorded at intake.
   */
  private validate(
    category: Category,
    dto: IntakeApplicationDto,
    attachments: Attachment[] | 'onPaper',
    resubmitted: Application | undefined,
    bonusProblems: { field: string; message: string }[],
  ) {
    const kinds = attachments === 'onPaper' ? [...Object.keys(ATTACHMENT_KINDS)] : attachments.map((a) => a.kind);
    const problems = [
      ...validateApplication(category.config, applicationInput(dto, kinds)).problems,
      ...benefitIntakeProblems(category.config, dto, resubmitted),
      ...bonusProblems,
    ];
    if (problems.length) {
      throw new IntakeError(
        'INVALID_APPLICATION',
        { errors: problems.map((p) => ({ field: p.field, message: p.message })) },
        `申請内容に誤りがあります (${problems.length}件): ${problems.map((p) => p.message).join('、')}`,
      );
    }
  }

  /**
   * The 加点項目 claimed that the round × 類型's 審査基準 does not have: no reviewer could ever confirm one, so the
   * applicant would lose the points without a word (a code copied from an example, a typo). Read only when some
   * are claimed.
   */
  private async bonusItemProblems(tx: Transaction, roundId: string, categoryId: string, dto: IntakeApplicationDto) {
    const claimed = dto.bonusItems ?? [];
    if (claimed.length === 0) return [];
    const { bonusItems } = await this.rubrics.ensure(roundId, categoryId, tx);
    const offered = bonusItems.map((b) => `${b.code}（${b.label}）`).join('、');
    return claimed.flatMap((code, i) =>
      bonusItems.some((b) => b.code === code)
        ? []
        : [
            {
              field: `bonusItems[${i}]`,
              message: offered
                ? `bonusItems[${i}] の加点項目「${code}」は、この公募回・類型の審査基準にありません（申告できる加点項目: ${offered}）`
                : `bonusItems[${i}] の加点項目「${code}」: この公募回・類型の審査基準には加点項目がありません`,
            },
          ],
    );
  }

  /**
   * The 409 of a second application of a 法人番号 in the round, naming the application that has it (looked up unless the
   * caller has it) with its state: one withdrawn (取下げ) still holds the round's one application per company, and
   * 「既に受け付けています」 alone read as if it were under way. Named to staff (a bulk import, a paper 補正) and to the
   * channel it came through; another channel (another portal or vendor) learns only that there is one, which the rule
   * itself tells: a 法人番号 is public, and anyone could otherwise read any company's 受付番号 and state.
   */
  private async duplicateError(roundId: string, corporateNumber: string, tx: Transaction, asker: 'staff' | { channelId: string | null }, holder?: Application) {
    const found = holder ?? (await this.applications.findByCorporateNumber(roundId, corporateNumber, tx));
    const told = found && (asker === 'staff' || found.channelId === asker.channelId) ? found : null;
    if (found && !told)
      return new IntakeError(
        'DUPLICATE_APPLICATION',
        { field: 'applicant.corporateNumber', receiptNumber: null, status: null },
        `この法人番号 (${corporateNumber}) の申請はこの公募回で既に受け付けています。1公募回につき1法人1申請です（取り下げた申請も1件に数えます）。`,
      );
    // its state as the applicant may know it: a decision not yet announced is not told here either
    const first = told && { ...told, status: statusAsAnnounced(told.status, await this.applications.heldDecisionOf(told.id, tx)) };
    const state = first ? `、状態「${stateLabel(first)}」` : '';
    return new IntakeError(
      'DUPLICATE_APPLICATION',
      { field: 'applicant.corporateNumber', receiptNumber: first?.receiptNumber ?? null, status: first?.status ?? null },
      `この法人番号 (${corporateNumber}) の申請はこの公募回で既に受け付けています (受付番号 ${first?.receiptNumber ?? '不明'}${state})。1公募回につき1法人1申請です（取り下げた申請も1件に数えます）。`,
    );
  }
}

/**
 * The intake answer; `statusUrl` is the applicant's status page (README "Status page"), for the portal to show, and
 * `correctionDueAt` the 補正期限 while the application waits for its 補正 (as the 差戻し mail and the page state it).
 */
function receipt(app: Application, statusUrl: string) {
  const due =
    app.correctionDueAt && stateHasTag(getWorkflow(app.workflowCode, app.workflowVersion), app.status, 'returnedToApplicant') ? app.correctionDueAt : null;
  return {
    id: app.id,
    receiptNumber: app.receiptNumber,
    status: app.status,
    receivedAt: app.receivedAt,
    receivedAtJst: app.receivedAt ? formatJst(app.receivedAt) : null,
    receivedInGrace: app.receivedInGrace,
    quotedAmount: app.quotedAmount,
    correctionDueAt: due ? new Date(due).toISOString() : null,
    correctionDueAtJst: due ? formatJst(due) : null,
    statusUrl,
  };
}
