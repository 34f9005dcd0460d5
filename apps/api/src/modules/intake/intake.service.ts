import { HttpStatus, Injectable } from '@nestjs/common';
import { ATTACHMENT_KINDS, formatJst, validateApplication } from '@jimukyoku/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import { createDraft } from '../applications/application-drafts';
import { quoteApplication } from '../applications/application-quote';
import { Application } from '../applications/application.entity';
import { TransitionsService } from '../applications/transitions.service';
import { Category } from '../programs/category.entity';
import { Program } from '../programs/program.entity';
import { RoundCategory } from '../rounds/round-category.entity';
import { Round } from '../rounds/round.entity';
import { Attachment } from './attachment.entity';
import type { IntakeApplicationDto } from './dto/intake-application.dto';
import { onceForKey, requestHash, StoredResponse } from './idempotency';
import type { IntakeChannel } from './intake-channel.entity';
import { IntakeError } from './intake.errors';
import { benefitIntakeProblems, preCheckFacts } from './benefit-intake';
import { applicationFields, applicationInput } from './intake-payload';
import { defaultReceiptPrefix, drawReceipt } from './receipt-number';

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
const UNIQUE_PER_ROUND = 'application_one_per_corporate_number_per_round';

/** Where an application comes from: an intake channel, or a row of a bulk import. */
export interface IntakeSource {
  channel?: IntakeChannel;
  importId?: string;
  row?: number;
  /** the documents arrived on paper with the import: the attachment check is satisfied */
  documentsOnPaper?: boolean;
}

/**
 * Deadline-proof intake. One transaction per submission: the database clock decides the deadline,
 * the whole payload is validated against the round's category, the application is created and
 * submitted through the workflow (a 事業復活支援金 after its 事前確認; audit records and the one 受付
 * notification included), its attachments are linked, and the answer is stored under the
 * Idempotency-Key — or nothing is written at all.
 */
@Injectable()
export class IntakeService {
  /** whether a database error is the one-application-per-法人番号 constraint */
  static isDuplicate(e: unknown): boolean {
    return e instanceof QueryFailedError && (e as QueryFailedError & { constraint?: string }).constraint === UNIQUE_PER_ROUND;
  }

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: TransitionsService,
  ) {}

  async submit(channel: IntakeChannel, dto: IntakeApplicationDto, idempotencyKey?: string): Promise<StoredResponse> {
    try {
      return await this.dataSource.transaction((m) => {
        const work = async () => ({ status: HttpStatus.CREATED, body: receipt(await this.acceptIn(m, { channel }, dto)) });
        return idempotencyKey ? onceForKey(m, channel.id, idempotencyKey, requestHash(dto), work) : work().then((r) => ({ ...r, replayed: false }));
      });
    } catch (e) {
      // Two submissions of one 法人番号 raced past the pre-check: the constraint decided; name the winner.
      if (IntakeService.isDuplicate(e)) {
        throw await this.duplicateError(this.dataSource.manager, dto.roundId, dto.applicant.corporateNumber!);
      }
      throw e;
    }
  }

  async resubmit(channel: IntakeChannel, applicationId: string, dto: IntakeApplicationDto, idempotencyKey?: string): Promise<StoredResponse> {
    return this.dataSource.transaction((m) => {
      const work = () => this.correct(m, channel, applicationId, dto);
      return idempotencyKey ? onceForKey(m, channel.id, `resubmit:${applicationId}:${idempotencyKey}`, requestHash(dto), work) : work().then((r) => ({ ...r, replayed: false }));
    });
  }

  async status(channel: IntakeChannel, applicationId: string) {
    if (!isUuid(applicationId)) throw new IntakeError('APPLICATION_NOT_FOUND');
    const app = await this.dataSource.getRepository(Application).findOneBy({ id: applicationId, channelId: channel.id });
    if (!app) throw new IntakeError('APPLICATION_NOT_FOUND');
    return receipt(app);
  }

  /**
   * Accepts one application inside the caller's transaction, or throws and writes nothing. Used by the
   * intake API (a channel, uploaded attachments) and by bulk imports (documents received on paper).
   */
  async acceptIn(m: EntityManager, source: IntakeSource, dto: IntakeApplicationDto): Promise<Application> {
    const { round, program, category } = await this.target(m, dto);
    // The receipt: one statement draws the 受付番号 and reads the clock, so numbers follow receipt
    // order; a refused request leaves a gap in the numbers (allowed), never a duplicate.
    const prefix = round.receiptPrefix ?? defaultReceiptPrefix(program.code, round.number);
    const { receiptNumber, receivedAt: now } = await drawReceipt(m, round.id, prefix);
    const closes = new Date(round.closesAt.getTime() + round.graceMinutes * 60_000);
    if (now < round.opensAt) throw new IntakeError('ROUND_NOT_OPEN', { opensAt: round.opensAt }, `公募開始 (${formatJst(round.opensAt)}) 前のため受け付けられません。`);
    if (now >= closes) {
      throw new IntakeError('ROUND_CLOSED', { closesAt: round.closesAt, receivedAt: now }, `応募締切 (${formatJst(round.closesAt)}) を過ぎているため受け付けられません (受信 ${formatJst(now)})。`);
    }
    const transitionsOf = SUBMIT_TRANSITIONS[program.workflowKind];
    if (!transitionsOf) throw new IntakeError('UNSUPPORTED_WORKFLOW');
    const attachments = source.channel ? await this.attachmentsOf(m, source.channel, dto.attachmentIds ?? []) : [];
    this.validate(category, dto, source.documentsOnPaper ? 'onPaper' : attachments);
    if (dto.applicant.kind === 'corporation' && dto.applicant.corporateNumber) {
      const existing = await m.findOneBy(Application, { roundId: round.id, corporateNumber: dto.applicant.corporateNumber });
      if (existing) throw await this.duplicateError(m, round.id, dto.applicant.corporateNumber);
    }
    const draft = await createDraft(m, {
      roundId: round.id,
      categoryId: category.id,
      ...applicationFields(dto),
      receiptNumber,
      receivedAt: now,
      receivedInGrace: now >= round.closesAt,
      channelId: source.channel?.id ?? null,
      importId: source.importId ?? null,
      ...preCheckFacts(category.config, dto),
    });
    const actor = { role: 'intake' as const, id: source.channel?.id ?? null };
    const origin = source.importId ? { importId: source.importId, row: source.row } : {};
    let application = draft;
    for (const transition of transitionsOf(draft)) {
      // the 事前確認通知番号 and 機関名 go into the audit record of confirmPreCheck
      const auditExtra = transition === 'confirmPreCheck' && draft.preCheck ? { ...origin, preCheck: draft.preCheck } : origin;
      ({ application } = await this.transitions.fireIn(m, draft.id, transition, actor, { auditExtra: Object.keys(auditExtra).length ? auditExtra : undefined }));
    }
    if (attachments.length) await m.update(Attachment, { id: In(attachments.map((a) => a.id)) }, { applicationId: application.id });
    return application;
  }

  /** 差戻し → 再提出: the corrected payload replaces the data, keeps the 受付番号 and history. */
  private async correct(m: EntityManager, channel: IntakeChannel, applicationId: string, dto: IntakeApplicationDto) {
    const app = await m.findOneBy(Application, { id: applicationId, channelId: channel.id });
    if (!app) throw new IntakeError('APPLICATION_NOT_FOUND');
    if (dto.roundId !== app.roundId) throw new IntakeError('INVALID_APPLICATION', { errors: [{ field: 'roundId', message: 'roundId は変更できません' }] });
    const { category } = await this.target(m, dto);
    if (category.id !== app.categoryId) throw new IntakeError('INVALID_APPLICATION', { errors: [{ field: 'categoryCode', message: '類型は申請後に変更できません' }] });
    const newAttachments = await this.attachmentsOf(m, channel, dto.attachmentIds ?? []);
    const kept = await m.findBy(Attachment, { applicationId: app.id });
    this.validate(category, dto, [...kept, ...newAttachments], app);
    const fields = applicationFields(dto);
    const q = quoteApplication(category.config, fields);
    await m.update(Application, { id: app.id }, { ...fields, quote: q.quote, quotedAmount: q.amount, eligibility: q.eligibility } as never);
    const { application } = await this.transitions.fireIn(m, app.id, 'resubmit', { role: 'intake', id: channel.id }, {});
    if (newAttachments.length) await m.update(Attachment, { id: In(newAttachments.map((a) => a.id)) }, { applicationId: app.id });
    return { status: HttpStatus.OK, body: receipt(application) };
  }

  private async target(m: EntityManager, dto: IntakeApplicationDto) {
    const round = await m.findOneBy(Round, { id: dto.roundId });
    if (!round) throw new IntakeError('ROUND_NOT_FOUND', { field: 'roundId' });
    const program = await m.findOneByOrFail(Program, { id: round.programId });
    const category = await m
      .getRepository(Category)
      .createQueryBuilder('c')
      .innerJoin(RoundCategory, 'rc', 'rc.category_id = c.id AND rc.round_id = :roundId', { roundId: round.id })
      .where('c.code = :code', { code: dto.categoryCode })
      .getOne();
    if (!category) throw new IntakeError('CATEGORY_NOT_OFFERED', { field: 'categoryCode' });
    return { round, program, category };
  }

  /** Attachments this channel uploaded and that belong to no application yet. */
  private async attachmentsOf(m: EntityManager, channel: IntakeChannel, ids: string[]): Promise<Attachment[]> {
    if (ids.length === 0) return [];
    // FOR SHARE: the orphan clean-up (schedules.removeOrphanAttachments) skips an attachment being linked
    const found = await m.find(Attachment, { where: { id: In(ids), channelId: channel.id, applicationId: IsNull() }, lock: { mode: 'pessimistic_read' } });
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length) {
      throw new IntakeError('INVALID_APPLICATION', { errors: missing.map((id) => ({ field: 'attachmentIds', message: `添付書類 ${id} が見つかりません (未登録、または別の申請で使用済み)` })) });
    }
    return found;
  }

  /**
   * Every problem of the payload as a 422 (for the benefit also its sales and 事前確認); documents received
   * on paper count as every required attachment. A resubmission keeps the 事前確認 recorded at intake.
   */
  private validate(category: Category, dto: IntakeApplicationDto, attachments: Attachment[] | 'onPaper', resubmitted?: Application) {
    const kinds = attachments === 'onPaper' ? [...Object.keys(ATTACHMENT_KINDS)] : attachments.map((a) => a.kind);
    const problems = [...validateApplication(category.config, applicationInput(dto, kinds)).problems, ...benefitIntakeProblems(category.config, dto, resubmitted)];
    if (problems.length) {
      throw new IntakeError('INVALID_APPLICATION', { errors: problems.map((p) => ({ field: p.field, message: p.message })) }, `申請内容に誤りがあります (${problems.length}件): ${problems.map((p) => p.message).join('、')}`);
    }
  }

  async duplicateError(m: EntityManager, roundId: string, corporateNumber: string) {
    const first = await m.findOneBy(Application, { roundId, corporateNumber });
    return new IntakeError(
      'DUPLICATE_APPLICATION',
      { field: 'applicant.corporateNumber', receiptNumber: first?.receiptNumber ?? null },
      `この法人番号 (${corporateNumber}) の申請はこの公募回で既に受け付けています (受付番号 ${first?.receiptNumber ?? '不明'})。1公募回につき1法人1申請です。`,
    );
  }
}

function receipt(app: Application) {
  return {
    id: app.id,
    receiptNumber: app.receiptNumber,
    status: app.status,
    receivedAt: app.receivedAt,
    receivedAtJst: app.receivedAt ? formatJst(app.receivedAt) : null,
    receivedInGrace: app.receivedInGrace,
    quotedAmount: app.quotedAmount,
  };
}
