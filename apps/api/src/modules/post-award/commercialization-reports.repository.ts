import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '../../common/list-query';
import { managerOf, workflowStateSql, type Transaction } from '../../database';
import { COMMERCIALIZATION_REPORT_YEARS, CommercializationReport } from './commercialization-report.entity';

/** A due report claimed for its reminder, with what the mail says. */
export interface DueCommercializationReport {
  id: string;
  applicationId: string;
  sequence: number;
  dueDate: string;
  email: string;
  applicantName: string;
  receiptNumber: string | null;
  roundName: string;
}

/** One row of the managers' list (GET /api/commercialization-reports). */
export interface CommercializationReportRow {
  id: string;
  applicationId: string;
  sequence: number;
  dueDate: string;
  reportedAt: Date | null;
  remindedAt: Date | null;
  applicantName: string;
  receiptNumber: string | null;
  roundName: string;
  status: string;
}

export interface CommercializationReportFilter {
  id?: string[];
  state?: 'overdue' | 'open' | 'reported';
  applicationId?: string[];
}

/** All SQL of commercialization_report (docs/post-award.md "事業化状況報告の予定"): the post-award module owns it. */
@Injectable()
export class CommercializationReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /**
   * The five yearly reports from `fixedOn`, the JST day of the 額の確定 (YYYY-MM-DD): the n-th due n years after it (a
   * 29 February gives 28 February). Written once: a second call keeps the first schedule.
   */
  async schedule(applicationId: string, fixedOn: string, tx: Transaction): Promise<void> {
    await this.m(tx).query(
      `INSERT INTO commercialization_report (application_id, sequence, due_date)
       SELECT $1, n, ($3::date + make_interval(years => n))::date
         FROM generate_series(1, $2::int) AS n
       ON CONFLICT (application_id, sequence) DO NOTHING`,
      [applicationId, COMMERCIALIZATION_REPORT_YEARS, fixedOn],
    );
  }

  /** Whether every scheduled report of the application has been filed (false when none is scheduled). */
  async allFiled(applicationId: string, tx: Transaction): Promise<boolean> {
    const [row] = await this.m(tx).query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE reported_at IS NULL)::int AS open FROM commercialization_report WHERE application_id = $1`,
      [applicationId],
    );
    return row.n > 0 && row.open === 0;
  }

  /** The applicant's report fulfils the earliest open one; null when none is open (none scheduled, or all filed). */
  async fulfilNext(applicationId: string, filingId: string, tx: Transaction): Promise<CommercializationReport | null> {
    // an UPDATE … RETURNING answers [rows, affected count]
    const [rows]: [{ id: string }[], number] = await this.m(tx).query(
      `UPDATE commercialization_report SET reported_at = now(), filing_id = $2
        WHERE id = (SELECT id FROM commercialization_report WHERE application_id = $1 AND reported_at IS NULL ORDER BY sequence LIMIT 1 FOR UPDATE)
        RETURNING id`,
      [applicationId, filingId],
    );
    return rows[0] ? this.m(tx).findOneBy(CommercializationReport, { id: rows[0].id }) : null;
  }

  ofApplication(applicationId: string, tx?: Transaction): Promise<CommercializationReport[]> {
    return this.m(tx).find(CommercializationReport, { where: { applicationId }, order: { sequence: 'ASC' } });
  }

  /**
   * Claims open reports due within `days` days (JST) of applications in a state that accepts the report now (`fileable`:
   * `code@version:state` keys, workflowStatesFiring), marking them reminded in the caller's transaction: a second run,
   * or a second worker (SKIP LOCKED), claims nothing more. A report not yet fileable (the project still owes a
   * 概算払's excess) is claimed once it is.
   */
  async claimDueReminders(days: number, fileable: string[], limit: number, tx: Transaction): Promise<DueCommercializationReport[]> {
    // an UPDATE … RETURNING answers [rows, affected count]
    const [rows]: [DueCommercializationReport[], number] = await this.m(tx).query(
      `WITH due AS (
         SELECT c.id FROM commercialization_report c JOIN application a ON a.id = c.application_id
          WHERE c.reported_at IS NULL AND c.reminded_at IS NULL AND ${workflowStateSql('a')} = ANY($2::text[])
            AND c.due_date - $1::int <= (now() AT TIME ZONE 'Asia/Tokyo')::date
          ORDER BY c.due_date LIMIT $3 FOR NO KEY UPDATE OF c SKIP LOCKED)
       UPDATE commercialization_report c SET reminded_at = now()
         FROM due, application a JOIN round r ON r.id = a.round_id
        WHERE c.id = due.id AND a.id = c.application_id
       RETURNING c.id, c.application_id AS "applicationId", c.sequence, to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
                 a.email, a.applicant_name AS "applicantName", a.receipt_number AS "receiptNumber", r.name AS "roundName"`,
      [days, fileable, limit],
    );
    return rows;
  }

  /** The managers' list: overdue (due date passed in JST, not filed, application still running), open, or reported. */
  async list(q: ListQuery<CommercializationReportFilter>, excluded: string[]): Promise<[CommercializationReportRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const today = `(now() AT TIME ZONE 'Asia/Tokyo')::date`;
    if (q.filter.id) where.push(`c.id = ANY(${p(q.filter.id)}::uuid[])`);
    if (q.filter.applicationId) where.push(`c.application_id = ANY(${p(q.filter.applicationId)}::uuid[])`);
    if (q.filter.state === 'overdue') where.push(`c.reported_at IS NULL AND c.due_date < ${today} AND NOT (a.status = ANY(${p(excluded)}::text[]))`);
    if (q.filter.state === 'open') where.push(`c.reported_at IS NULL AND NOT (a.status = ANY(${p(excluded)}::text[]))`);
    if (q.filter.state === 'reported') where.push(`c.reported_at IS NOT NULL`);
    const from = `FROM commercialization_report c JOIN application a ON a.id = c.application_id JOIN round r ON r.id = a.round_id
                  ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const sortColumn = { id: 'c.id', dueDate: 'c.due_date', sequence: 'c.sequence', reportedAt: 'c.reported_at' }[q.sortField] ?? 'c.due_date';
    const rows = await this.m().query(
      `SELECT c.id, c.application_id AS "applicationId", c.sequence, to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
              c.reported_at AS "reportedAt", c.reminded_at AS "remindedAt", a.applicant_name AS "applicantName",
              a.receipt_number AS "receiptNumber", r.name AS "roundName", a.status
         ${from} ORDER BY ${sortColumn} ${q.sortOrder === 'DESC' ? 'DESC' : 'ASC'}, c.id LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}`,
      params,
    );
    const [{ n }] = await this.m().query(`SELECT count(*)::int AS n ${from}`, params.slice(0, params.length - 2));
    return [rows, n];
  }
}
