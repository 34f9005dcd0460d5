import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkflowKind } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import { managerOf, type Transaction } from '../../database';
import { NotificationTemplate } from './notification-template.entity';

export interface TemplateVersionRow {
  id: string;
  code: string;
  version: number;
  subject: string;
  bodyText: string;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
}

export interface PreviewApplication {
  id: string;
  receiptNumber: string | null;
  applicantName: string;
  programName: string;
  roundName: string;
  categoryName: string;
  quotedAmount: number;
  correctionDueAt: Date | null;
  correctionPeriodDays: number;
  /** the reason of the application's latest transition that had one (差戻し, 不採択 …) */
  lastReason: string | null;
  /** its open review assignment, if any: the reviewer and the due date */
  reviewerName: string | null;
  reviewDueAt: Date | null;
}

const VERSION_COLUMNS = `t.id, t.code, t.version, t.subject, t.body_text AS "bodyText", t.created_at AS "createdAt", t.created_by AS "createdById", su.name AS "createdByName"`;

/** Template versions (append-only: a save is an insert) and the application facts a preview renders. */
@Injectable()
export class NotificationTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest version of every template code, with how many versions it has. */
  latestOfEach(): Promise<(TemplateVersionRow & { versionCount: number })[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (t.code) ${VERSION_COLUMNS}, count(*) OVER (PARTITION BY t.code)::int AS "versionCount"
         FROM notification_template t LEFT JOIN staff_user su ON su.id = t.created_by
        ORDER BY t.code, t.version DESC`,
    );
  }

  async latest(code: string, tx?: Transaction): Promise<(TemplateVersionRow & { versionCount: number }) | null> {
    const rows = await managerOf(tx, this.dataSource).query(
      `SELECT ${VERSION_COLUMNS}, (SELECT count(*)::int FROM notification_template x WHERE x.code = t.code) AS "versionCount"
         FROM notification_template t LEFT JOIN staff_user su ON su.id = t.created_by
        WHERE t.code = $1 ORDER BY t.version DESC LIMIT 1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** Every version, newest first, with the number of notifications rendered from each. */
  versions(code: string): Promise<(TemplateVersionRow & { notificationCount: number })[]> {
    return this.dataSource.query(
      `SELECT ${VERSION_COLUMNS}, coalesce(n.count, 0)::int AS "notificationCount"
         FROM notification_template t
         LEFT JOIN staff_user su ON su.id = t.created_by
         LEFT JOIN (SELECT template_version, count(*) FROM notification WHERE template_code = $1 AND template_version IS NOT NULL GROUP BY 1) n ON n.template_version = t.version
        WHERE t.code = $1 ORDER BY t.version DESC`,
      [code],
    );
  }

  /** Serialises saves of one template code until the transaction ends. */
  async lockCode(tx: Transaction, code: string) {
    await managerOf(tx, this.dataSource).query(`SELECT pg_advisory_xact_lock(hashtext('notification_template:' || $1))`, [code]);
  }

  async insertVersion(tx: Transaction, row: Pick<NotificationTemplate, 'code' | 'version' | 'subject' | 'bodyText' | 'createdBy'>): Promise<string> {
    const result = await managerOf(tx, this.dataSource).insert(NotificationTemplate, row);
    return result.identifiers[0].id as string;
  }

  /**
   * The application a preview renders: by id, by 受付番号, or (neither given) the latest received one of a
   * programme of `workflowKind` (a variant's preview shows a mail it would really send), else of any.
   */
  async previewApplication(ref: { applicationId?: string; receiptNumber?: string }, workflowKind?: WorkflowKind): Promise<PreviewApplication | null> {
    const where = ref.applicationId
      ? isUuid(ref.applicationId)
        ? 'a.id = $1'
        : null
      : ref.receiptNumber
        ? 'a.receipt_number = $1'
        : `a.receipt_number IS NOT NULL AND ($1::text IS NULL OR p.workflow_kind = $1)`;
    if (!where) return null;
    const params = ref.applicationId ? [ref.applicationId] : ref.receiptNumber ? [ref.receiptNumber.trim()] : [workflowKind ?? null];
    const rows = await this.dataSource.query(
      `SELECT a.id, a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName", p.name AS "programName", r.name AS "roundName", c.name AS "categoryName",
              a.quoted_amount::float8 AS "quotedAmount", a.correction_due_at AS "correctionDueAt", r.correction_period_days AS "correctionPeriodDays",
              (SELECT l.reason FROM audit_log l WHERE l.entity_type = 'application' AND l.entity_id = a.id::text AND l.reason IS NOT NULL ORDER BY l.occurred_at DESC LIMIT 1) AS "lastReason",
              asg.name AS "reviewerName", asg.due_at AS "reviewDueAt"
         FROM application a
         JOIN round r ON r.id = a.round_id
         JOIN program p ON p.id = r.program_id
         JOIN category c ON c.id = a.category_id
         LEFT JOIN LATERAL (
           SELECT su.name, aa.due_at FROM application_assignment aa JOIN staff_user su ON su.id = aa.reviewer_id
            WHERE aa.application_id = a.id AND aa.submitted_at IS NULL AND aa.revoked_at IS NULL
            ORDER BY aa.due_at NULLS LAST LIMIT 1) asg ON true
        WHERE ${where}
        ORDER BY a.received_at DESC NULLS LAST, a.created_at DESC
        LIMIT 1`,
      params,
    );
    return rows[0] ?? null;
  }

  async dbNow(): Promise<Date> {
    const [row] = await this.dataSource.query('SELECT now() AS now');
    return row.now as Date;
  }
}
