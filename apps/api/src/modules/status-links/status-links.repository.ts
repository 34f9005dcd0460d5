import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { prepared } from '../../database/entity-rows';
import { heldDecisionOf, statusAsAnnounced } from '../notifications/held-decisions.repository';
import { advancePaidSql } from '../payment-batches/advance-paid.sql';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { StatusLink, type StatusLinkOutcome } from './status-link.entity';

export interface LinkRow {
  id: string;
  applicationId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** What the status page shows of an application: its own facts only, never another application's. */
export interface StatusFacts {
  receiptNumber: string | null;
  /** the state as announced: before a decision whose notice is still held (notifications/held-decisions.repository.ts) */
  status: string;
  workflowCode: string;
  workflowVersion: number;
  programName: string;
  roundName: string;
  categoryName: string;
  quotedAmount: number;
  /** 交付決定額 and 確定額 once decided (grant_amount, docs/post-award.md); null before */
  grantAmount: number | null;
  fixedAmount: number | null;
  /** a 返還 claimed (repayment_claim: a 交付決定取消, or a 概算払 above the 確定額) and its 納期限 ('YYYY-MM-DD'); null without one */
  repaymentAmount: number | null;
  /** the repayments received towards it so far (repayment_received), 0 without any */
  repaidAmount: number;
  repaymentDueDate: string | null;
  /** what the 概算払 transferred (paid batches' advance lines), 0 without one */
  advancePaid: number;
  correctionDueAt: Date | null;
  receivedAt: Date | null;
  closesAt: Date;
  documents: { kind: string; fileName: string; receivedAt: Date }[];
}

/** status_link and status_link_use, and the reads of the application the status page shows. */
@Injectable()
export class StatusLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The application's link that works for at least `minDaysLeft` more days and is not revoked (the newest), or a
   * new one valid for `ttlDays`: one statement, as intake answers with it inside its transaction.
   */
  async usableOrNewLink(applicationId: string, minDaysLeft: number, ttlDays: number, tx: Transaction): Promise<LinkRow> {
    const [row] = await prepared(
      managerOf(tx, this.dataSource),
      `WITH usable AS (
         SELECT id, application_id, expires_at, revoked_at FROM status_link
          WHERE application_id = $1 AND revoked_at IS NULL AND expires_at > now() + make_interval(days => $2)
          ORDER BY expires_at DESC LIMIT 1),
       created AS (
         INSERT INTO status_link (application_id, expires_at)
         SELECT $1, now() + make_interval(days => $3) WHERE NOT EXISTS (SELECT 1 FROM usable)
         RETURNING id, application_id, expires_at, revoked_at)
       SELECT id, application_id AS "applicationId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM usable
       UNION ALL
       SELECT id, application_id AS "applicationId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM created`,
      [applicationId, minDaysLeft, ttlDays],
    );
    return row as unknown as LinkRow;
  }

  /** A new link (its id and expiry given) as the part `name` of a chain, for the application its part `application` writes. */
  insertIn(chain: WriteChain, name: string, link: Pick<StatusLink, 'id' | 'expiresAt'>, application: ChainPart): ChainPart {
    return chain.insert(name, StatusLink, [link], { from: application, refs: { applicationId: 'id' }, returning: ['id'] });
  }

  /**
   * usableOrNewLink for many applications in one statement (the mail dispatcher's batch): per application its newest
   * link working for at least `minDaysLeft` more days, or a new one valid for `ttlDays`.
   */
  async usableOrNewLinks(applicationIds: string[], minDaysLeft: number, ttlDays: number, tx: Transaction): Promise<LinkRow[]> {
    if (applicationIds.length === 0) return [];
    const rows = await prepared(
      managerOf(tx, this.dataSource),
      `WITH wanted AS (SELECT DISTINCT unnest($1::uuid[]) AS application_id),
       usable AS (
         SELECT DISTINCT ON (l.application_id) l.id, l.application_id, l.expires_at, l.revoked_at
           FROM status_link l JOIN wanted w ON w.application_id = l.application_id
          WHERE l.revoked_at IS NULL AND l.expires_at > now() + make_interval(days => $2)
          ORDER BY l.application_id, l.expires_at DESC),
       created AS (
         INSERT INTO status_link (application_id, expires_at)
         SELECT w.application_id, now() + make_interval(days => $3) FROM wanted w
          WHERE NOT EXISTS (SELECT 1 FROM usable u WHERE u.application_id = w.application_id)
         RETURNING id, application_id, expires_at, revoked_at)
       SELECT id, application_id AS "applicationId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM usable
       UNION ALL
       SELECT id, application_id AS "applicationId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM created`,
      [applicationIds, minDaysLeft, ttlDays],
    );
    return rows as unknown as LinkRow[];
  }

  /** The link row with the database's clock (to judge its expiry by). */
  async findLink(id: string): Promise<(LinkRow & { now: Date }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, application_id AS "applicationId", expires_at AS "expiresAt", revoked_at AS "revokedAt", now() AS now FROM status_link WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Revokes every link of the application still in force; returns their ids. */
  async revokeAll(applicationId: string, tx: Transaction): Promise<string[]> {
    // an UPDATE answers [rows, count] through TypeORM's query()
    const [rows]: [{ id: string }[], number] = await managerOf(tx, this.dataSource).query(
      `UPDATE status_link SET revoked_at = now() WHERE application_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [applicationId],
    );
    return rows.map((r) => r.id);
  }

  /** Logs an opening; a link id the table does not hold (a genuine token of another installation) is logged as none. */
  async logUse(use: { linkId: string | null; ip: string | null; userAgent: string | null; outcome: StatusLinkOutcome }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO status_link_use (link_id, ip, user_agent, outcome) VALUES ((SELECT id FROM status_link WHERE id = $1::uuid), $2, $3, $4)`,
      [use.linkId, use.ip, use.userAgent === null ? null : use.userAgent.slice(0, 500), use.outcome],
    );
  }

  async applicationExists(applicationId: string, tx: Transaction): Promise<boolean> {
    const rows = await managerOf(tx, this.dataSource).query(`SELECT 1 FROM application WHERE id = $1`, [applicationId]);
    return rows.length > 0;
  }

  async facts(applicationId: string): Promise<StatusFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.receipt_number AS "receiptNumber", a.status, a.workflow_code AS "workflowCode", a.workflow_version AS "workflowVersion",
              p.name AS "programName", r.name AS "roundName", c.name AS "categoryName", a.quoted_amount::float8 AS "quotedAmount",
              g.grant_amount::float8 AS "grantAmount", g.fixed_amount::float8 AS "fixedAmount",
              rc.amount::float8 AS "repaymentAmount",
              (SELECT coalesce(sum(rr.amount), 0)::float8 FROM repayment_received rr WHERE rr.application_id = a.id) AS "repaidAmount",
              ${advancePaidSql('a.id')} AS "advancePaid", to_char(rc.due_date, 'YYYY-MM-DD') AS "repaymentDueDate", a.correction_due_at AS "correctionDueAt", a.received_at AS "receivedAt", r.closes_at AS "closesAt"
         FROM application a JOIN round r ON r.id = a.round_id JOIN program p ON p.id = r.program_id JOIN category c ON c.id = a.category_id
         LEFT JOIN grant_amount g ON g.application_id = a.id
         LEFT JOIN repayment_claim rc ON rc.application_id = a.id
        WHERE a.id = $1`,
      [applicationId],
    );
    if (!row) return null;
    const status = statusAsAnnounced(row.status, await heldDecisionOf(this.dataSource.manager, applicationId));
    const documents = await this.dataSource.query(
      `SELECT kind, file_name AS "fileName", created_at AS "receivedAt" FROM attachment WHERE application_id = $1 ORDER BY created_at, id`,
      [applicationId],
    );
    return { ...row, status, documents };
  }
}
