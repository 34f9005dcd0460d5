import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import { managerOf, SqlWhere, sqlPage, type Transaction } from '../../database';
import { ApplicationMemo } from './application-memo.entity';
import { Inquiry, type InquiryChannel, type InquiryDirection } from './inquiry.entity';

export interface MemoFilter {
  id?: string[];
  applicationId?: string;
  authorId?: string;
}

export interface InquiryFilter {
  id?: string[];
  applicationId?: string;
  channel?: InquiryChannel[];
  direction?: InquiryDirection;
  staffId?: string;
  occurredFrom?: string;
  occurredTo?: string;
}

/** A memo as the API answers it: with its author's name and the application's 受付番号 / 事業者名. */
export interface MemoView {
  id: string;
  applicationId: string;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
  receiptNumber: string | null;
  applicantName: string;
}

export interface InquiryView {
  id: string;
  applicationId: string;
  occurredAt: Date;
  channel: InquiryChannel;
  direction: InquiryDirection;
  summary: string;
  staffId: string;
  staffName: string | null;
  createdAt: Date;
  receiptNumber: string | null;
  applicantName: string;
}

const MEMO_SORT: Record<string, string> = { id: 'm.id', createdAt: 'm.created_at' };
const INQUIRY_SORT: Record<string, string> = { id: 'i.id', occurredAt: 'i.occurred_at', createdAt: 'i.created_at' };

/**
 * A reviewer reads only what belongs to the applications assigned to them: the same rule as
 * ApplicationsRepository's scope (an assignment not revoked), on the row's application_id.
 */
const reviewerScope = (p: string) =>
  `EXISTS (SELECT 1 FROM application_assignment x WHERE x.application_id = a.id AND x.reviewer_id = ${p} AND x.revoked_at IS NULL)`;

/** A WHERE with the reader's scope first: a reviewer reads the correspondence of the applications assigned to them. */
const scoped = (user: Pick<AuthenticatedUser, 'id' | 'role'>) => (user.role === 'reviewer' ? new SqlWhere().add(reviewerScope, user.id) : new SqlWhere());

/** application_memo and inquiry: the memo thread and the 問い合わせ log of each application. */
@Injectable()
export class CorrespondenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listMemos(query: ListQuery<MemoFilter>, user: AuthenticatedUser): Promise<[MemoView[], number]> {
    const w = scoped(user);
    if (query.filter.id) w.add((p) => `m.id = ANY(${p}::uuid[])`, query.filter.id);
    if (query.filter.applicationId) w.add((p) => `m.application_id = ${p}`, query.filter.applicationId);
    if (query.filter.authorId) w.add((p) => `m.author_id = ${p}`, query.filter.authorId);
    return sqlPage(this.dataSource.manager, {
      columns: MEMO_COLUMNS,
      from: `FROM application_memo m JOIN application a ON a.id = m.application_id LEFT JOIN staff_user u ON u.id = m.author_id ${w.sql}`,
      where: w,
      order: { column: MEMO_SORT[query.sortField] ?? 'm.created_at', direction: query.sortOrder, tieBreak: 'm.id' },
      offset: query.offset,
      limit: query.limit,
    });
  }

  async findMemo(id: string, user: AuthenticatedUser, tx?: Transaction): Promise<MemoView | null> {
    const w = scoped(user);
    w.add((p) => `m.id = ${p}`, id);
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT ${MEMO_COLUMNS} FROM application_memo m JOIN application a ON a.id = m.application_id LEFT JOIN staff_user u ON u.id = m.author_id ${w.sql}`,
      w.params,
    );
    return row ?? null;
  }

  async insertMemo(values: Pick<ApplicationMemo, 'applicationId' | 'authorId' | 'body'>, tx: Transaction): Promise<string> {
    const m = managerOf(tx, this.dataSource);
    const saved = await m.save(m.create(ApplicationMemo, values));
    return saved.id;
  }

  listInquiries(query: ListQuery<InquiryFilter>, user: AuthenticatedUser): Promise<[InquiryView[], number]> {
    const w = scoped(user);
    const f = query.filter;
    if (f.id) w.add((p) => `i.id = ANY(${p}::uuid[])`, f.id);
    if (f.applicationId) w.add((p) => `i.application_id = ${p}`, f.applicationId);
    if (f.channel) w.add((p) => `i.channel = ANY(${p}::text[])`, f.channel);
    if (f.direction) w.add((p) => `i.direction = ${p}`, f.direction);
    if (f.staffId) w.add((p) => `i.staff_id = ${p}`, f.staffId);
    if (f.occurredFrom) w.add((p) => `i.occurred_at >= ${p}::timestamptz`, f.occurredFrom);
    if (f.occurredTo) w.add((p) => `i.occurred_at < ${p}::timestamptz`, f.occurredTo);
    return sqlPage(this.dataSource.manager, {
      columns: INQUIRY_COLUMNS,
      from: `FROM inquiry i JOIN application a ON a.id = i.application_id LEFT JOIN staff_user u ON u.id = i.staff_id ${w.sql}`,
      where: w,
      order: { column: INQUIRY_SORT[query.sortField] ?? 'i.occurred_at', direction: query.sortOrder, tieBreak: 'i.id' },
      offset: query.offset,
      limit: query.limit,
    });
  }

  async findInquiry(id: string, user: AuthenticatedUser, tx?: Transaction): Promise<InquiryView | null> {
    const w = scoped(user);
    w.add((p) => `i.id = ${p}`, id);
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT ${INQUIRY_COLUMNS} FROM inquiry i JOIN application a ON a.id = i.application_id LEFT JOIN staff_user u ON u.id = i.staff_id ${w.sql}`,
      w.params,
    );
    return row ?? null;
  }

  async insertInquiry(
    values: Pick<Inquiry, 'applicationId' | 'occurredAt' | 'channel' | 'direction' | 'summary' | 'staffId'>,
    tx: Transaction,
  ): Promise<string> {
    const m = managerOf(tx, this.dataSource);
    const saved = await m.save(m.create(Inquiry, values));
    return saved.id;
  }

  async dbNow(tx?: Transaction): Promise<Date> {
    const [row] = await managerOf(tx, this.dataSource).query('SELECT now() AS now');
    return row.now as Date;
  }
}

const MEMO_COLUMNS = `m.id, m.application_id AS "applicationId", m.author_id AS "authorId", u.name AS "authorName", m.body, m.created_at AS "createdAt",
  a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName"`;
const INQUIRY_COLUMNS = `i.id, i.application_id AS "applicationId", i.occurred_at AS "occurredAt", i.channel, i.direction, i.summary, i.staff_id AS "staffId",
  u.name AS "staffName", i.created_at AS "createdAt", a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName"`;
