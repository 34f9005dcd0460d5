import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork } from '../../database';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { CorrespondenceError } from './correspondence.errors';
import { CorrespondenceRepository, type InquiryFilter, type MemoFilter } from './correspondence.repository';
import type { CreateInquiryDto, CreateMemoDto } from './dto/correspondence.dto';
import { INQUIRY_CHANNELS, INQUIRY_DIRECTIONS } from './inquiry.entity';
import { inquiryPeriod, inquiryTimeProblem } from './inquiry-period';

export const MEMO_LIST: ListSpec = {
  sortable: ['createdAt'],
  defaultSort: ['createdAt', 'ASC'],
  filters: { applicationId: 'uuid', authorId: 'uuid' },
};

export const INQUIRY_LIST: ListSpec = {
  sortable: ['occurredAt', 'createdAt'],
  defaultSort: ['occurredAt', 'DESC'],
  filters: {
    applicationId: 'uuid',
    channel: { enums: INQUIRY_CHANNELS },
    direction: { enum: INQUIRY_DIRECTIONS },
    staffId: 'uuid',
    occurredFrom: 'instant',
    occurredTo: 'instant',
  },
};

/**
 * メモ and 問い合わせ of an application (audited as their own entities, `applicationMemo` and `inquiry`,
 * with the application in `changes`: the application's own records stay its state changes and checks). Memos are staff-only notes, a thread only appended to;
 * inquiries log each exchange with the applicant. Both are read in the application's scope (a
 * reviewer only on applications assigned to them, like the application itself), and each new one
 * is written in one transaction with its audit record.
 */
@Injectable()
export class CorrespondenceService {
  constructor(
    private readonly rows: CorrespondenceRepository,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  listMemos(query: ListQuery<MemoFilter>, user: AuthenticatedUser) {
    return this.rows.listMemos(query, user);
  }

  async getMemo(id: string, user: AuthenticatedUser) {
    const memo = isUuid(id) ? await this.rows.findMemo(id, user) : null;
    if (!memo) throw new CorrespondenceError('MEMO_NOT_FOUND');
    return memo;
  }

  async createMemo(dto: CreateMemoDto, user: AuthenticatedUser, meta: RequestMeta) {
    const body = dto.body.trim();
    if (body === '') {
      throw new CorrespondenceError('INVALID_MEMO', { errors: [{ field: 'body', message: 'メモの本文を入力してください' }] }, 'メモの本文を入力してください。');
    }
    return this.uow.run(async (tx) => {
      // a reviewer writes only on applications they can see; to others the application does not exist
      const app = await this.applications.findVisible(dto.applicationId, user, tx);
      if (!app) throw new CorrespondenceError('APPLICATION_NOT_FOUND');
      const id = await this.rows.insertMemo({ applicationId: app.id, authorId: user.id, body }, tx);
      await this.audit.record(
        { actor: user, action: 'applicationMemo.created', entityType: 'applicationMemo', entityId: id, changes: { applicationId: app.id, body }, ...meta },
        tx,
      );
      return (await this.rows.findMemo(id, user, tx))!;
    });
  }

  listInquiries(query: ListQuery<InquiryFilter>, user: AuthenticatedUser) {
    return this.rows.listInquiries(query, user);
  }

  async getInquiry(id: string, user: AuthenticatedUser) {
    const inquiry = isUuid(id) ? await this.rows.findInquiry(id, user) : null;
    if (!inquiry) throw new CorrespondenceError('INQUIRY_NOT_FOUND');
    return inquiry;
  }

  async createInquiry(dto: CreateInquiryDto, user: AuthenticatedUser, meta: RequestMeta) {
    const summary = dto.summary.trim();
    if (summary === '') {
      throw new CorrespondenceError('INVALID_INQUIRY', { errors: [{ field: 'summary', message: '要旨を入力してください' }] }, '要旨を入力してください。');
    }
    const occurredAt = new Date(dto.occurredAt);
    return this.uow.run(async (tx) => {
      const app = await this.applications.findVisible(dto.applicationId, user, tx);
      if (!app) throw new CorrespondenceError('APPLICATION_NOT_FOUND');
      // neither before the round's 公募開始 (or the application's creation, if earlier) nor in the future
      const period = inquiryPeriod(await this.applications.roundOf(app.roundId, tx), app, await this.rows.dbNow(tx));
      const problem = inquiryTimeProblem(occurredAt, period);
      if (problem) throw new CorrespondenceError('INVALID_INQUIRY', { errors: [{ field: 'occurredAt', message: problem }] }, `${problem}。`);
      const values = { applicationId: app.id, occurredAt, channel: dto.channel, direction: dto.direction, summary, staffId: user.id };
      const id = await this.rows.insertInquiry(values, tx);
      await this.audit.record(
        {
          actor: user,
          action: 'inquiry.recorded',
          entityType: 'inquiry',
          entityId: id,
          changes: { applicationId: app.id, occurredAt: occurredAt.toISOString(), channel: dto.channel, direction: dto.direction, summary },
          ...meta,
        },
        tx,
      );
      return (await this.rows.findInquiry(id, user, tx))!;
    });
  }
}
