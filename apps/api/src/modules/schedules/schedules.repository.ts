import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statesOfKind, statesTagged } from '@jimukyoku/workflow';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { roundDeadlineSql } from '../rounds/rounds.repository';

export interface ClosedRound {
  id: string;
  code: string;
  closesAt: Date;
  graceMinutes: number;
  closedAt: Date;
  draftsLeft: number;
}

export interface DueAssignment {
  assignmentId: string;
  applicationId: string;
  reviewerName: string;
  reviewerEmail: string;
  dueAt: Date;
  applicantName: string;
  receiptNumber: string | null;
  roundName: string;
  categoryName: string;
}

export interface DueCorrection {
  applicationId: string;
  email: string;
  applicantName: string;
  receiptNumber: string | null;
  roundName: string;
  categoryName: string;
  correctionDueAt: Date;
  /** the items to fix: the reason of the latest 差戻し */
  reason: string | null;
}

export interface ActiveRound {
  id: string;
  name: string;
  programName: string;
  workflowKind: string;
  workflowVersion: number;
  closesAt: Date;
  open: boolean;
}

export interface OutboxRow {
  applicationId: string | null;
  template: string;
  recipient: string;
  payload: Record<string, unknown>;
}

/**
 * The states whose 補正期限 the scheduler watches (reminder before it, closeUncorrected after it), read
 * from the registered definitions on every call so a definition registered later (a test's) counts too.
 */
const watchedCorrectionStates = () => statesTagged('correctionDeadlineWatched');

/**
 * The SQL of the scheduled jobs. Every claim is a single `UPDATE … WHERE <not done yet> … RETURNING`
 * (or an insert that a unique key turns into a no-op), and every "now" is the database's, so several
 * workers running the same job at once do each piece of work once, and tests move times, not clocks.
 */
@Injectable()
export class SchedulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx: Transaction | undefined) {
    return managerOf(tx, this.dataSource);
  }

  /**
   * Deletes (claimed FOR UPDATE SKIP LOCKED) up to `limit` attachments uploaded more than `hours` ago and
   * never linked to an application; returns their ids and storage keys so the files can go too. Intake
   * reads the attachments it links FOR SHARE, so one being linked is skipped, and one deleted here is
   * "not found" for intake.
   */
  async deleteOrphanAttachments(hours: number, limit: number, tx?: Transaction): Promise<{ id: string; storageKey: string }[]> {
    const [rows] = await this.m(tx).query(
      `WITH orphan AS (
         SELECT id FROM attachment
          WHERE application_id IS NULL AND created_at < now() - make_interval(hours => $1)
          ORDER BY created_at LIMIT $2
          FOR UPDATE SKIP LOCKED)
       DELETE FROM attachment a USING orphan WHERE a.id = orphan.id
       RETURNING a.id, a.storage_key AS "storageKey"`,
      [hours, limit],
    );
    return rows;
  }

  /** Marks closed every round whose deadline plus grace has passed and that is not closed yet. */
  async closeDueRounds(tx?: Transaction): Promise<ClosedRound[]> {
    const [rows] = await this.m(tx).query(
      `UPDATE round r SET closed_at = now(), updated_at = now()
        WHERE r.closed_at IS NULL AND ${roundDeadlineSql('r')} <= now()
        RETURNING r.id, r.code, r.closes_at AS "closesAt", r.grace_minutes AS "graceMinutes", r.closed_at AS "closedAt",
                  (SELECT count(*)::int FROM application a WHERE a.round_id = r.id AND a.status = ANY($1::text[])) AS "draftsLeft"`,
      [statesOfKind('initial')],
    );
    return rows;
  }

  /**
   * Claims (sets reminded_at on) open assignments of active reviewers due within `hours`, at most
   * `limit`; rows another worker holds are skipped, a reminded one is never claimed again.
   */
  async claimDueAssignments(hours: number, limit: number, tx?: Transaction): Promise<DueAssignment[]> {
    const [rows] = await this.m(tx).query(
      `WITH due AS (
         SELECT aa.id FROM application_assignment aa JOIN staff_user su ON su.id = aa.reviewer_id AND su.active
          WHERE aa.submitted_at IS NULL AND aa.revoked_at IS NULL AND aa.reminded_at IS NULL
            AND aa.due_at > now() AND aa.due_at <= now() + make_interval(hours => $1)
          ORDER BY aa.due_at LIMIT $2
          FOR UPDATE OF aa SKIP LOCKED)
       UPDATE application_assignment aa SET reminded_at = now() FROM due WHERE aa.id = due.id
       RETURNING aa.id`,
      [hours, limit],
    );
    if (rows.length === 0) return [];
    return this.m(tx).query(
      `SELECT aa.id AS "assignmentId", a.id AS "applicationId", su.name AS "reviewerName", su.email AS "reviewerEmail", aa.due_at AS "dueAt",
              a.applicant_name AS "applicantName", a.receipt_number AS "receiptNumber", r.name AS "roundName", c.name AS "categoryName"
         FROM application_assignment aa
         JOIN staff_user su ON su.id = aa.reviewer_id
         JOIN application a ON a.id = aa.application_id
         JOIN round r ON r.id = a.round_id
         JOIN category c ON c.id = a.category_id
        WHERE aa.id = ANY($1::uuid[])
        ORDER BY aa.due_at`,
      [rows.map((r: { id: string }) => r.id)],
    );
  }

  /**
   * Claims (sets correction_reminded_for = correction_due_at on) returned applications whose 補正期限 is
   * within `hours`, at most `limit`, unless already reminded for that very 補正期限; a later 差戻し sets
   * a new correction_due_at and so earns a new reminder. Rows another worker holds are skipped.
   */
  async claimDueCorrections(hours: number, limit: number, tx?: Transaction): Promise<DueCorrection[]> {
    const [rows] = await this.m(tx).query(
      `WITH due AS (
         SELECT a.id FROM application a
          WHERE a.status = ANY($3::text[]) AND a.correction_due_at > now() AND a.correction_due_at <= now() + make_interval(hours => $1)
            AND a.correction_reminded_for IS DISTINCT FROM a.correction_due_at
          ORDER BY a.correction_due_at LIMIT $2
          FOR UPDATE OF a SKIP LOCKED)
       UPDATE application a SET correction_reminded_for = a.correction_due_at FROM due WHERE a.id = due.id
       RETURNING a.id`,
      [hours, limit, watchedCorrectionStates()],
    );
    if (rows.length === 0) return [];
    return this.m(tx).query(
      `SELECT a.id AS "applicationId", a.email, a.applicant_name AS "applicantName", a.receipt_number AS "receiptNumber",
              r.name AS "roundName", c.name AS "categoryName", a.correction_due_at AS "correctionDueAt",
              (SELECT l.reason FROM audit_log l
                WHERE l.entity_type = 'application' AND l.entity_id = a.id::text AND l.to_status = a.status
                ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1) AS reason
         FROM application a
         JOIN round r ON r.id = a.round_id
         JOIN category c ON c.id = a.category_id
        WHERE a.id = ANY($1::uuid[])
        ORDER BY a.correction_due_at`,
      [rows.map((r: { id: string }) => r.id)],
    );
  }

  /**
   * Returned applications whose 補正期限 has passed, in id order after `afterId` (keyset paging, so one
   * that could not be closed is not met again in the same run), at most `limit`. Not locked here: each
   * is locked and closed in its own transaction.
   */
  async overdueCorrections(limit: number, afterId: string | null, tx?: Transaction): Promise<string[]> {
    const rows: { id: string }[] = await this.m(tx).query(
      `SELECT id FROM application
        WHERE status = ANY($3::text[]) AND correction_due_at <= now() AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $1`,
      [limit, afterId, watchedCorrectionStates()],
    );
    return rows.map((r) => r.id);
  }

  /** Locks a returned application past its 補正期限 for this transaction; false if it is not (any more), or another worker holds it. */
  async lockOverdueCorrection(id: string, tx?: Transaction): Promise<boolean> {
    const rows = await this.m(tx).query(
      `SELECT id FROM application WHERE id = $1 AND status = ANY($2::text[]) AND correction_due_at <= now() FOR UPDATE SKIP LOCKED`,
      [id, watchedCorrectionStates()],
    );
    return rows.length === 1;
  }

  /** Outbox rows, delivered by the same dispatcher as the applicants' mail. Returns their ids in order. */
  async insertNotifications(rows: OutboxRow[], tx?: Transaction): Promise<string[]> {
    const ids: string[] = [];
    for (const n of rows) {
      const [row] = await this.m(tx).query(
        `INSERT INTO notification (application_id, template, recipient, status, payload) VALUES ($1, $2, $3, 'pending', $4) RETURNING id`,
        [n.applicationId, n.template, n.recipient, JSON.stringify(n.payload)],
      );
      ids.push(row.id);
    }
    return ids;
  }

  /** The database's now and the JST calendar day it falls on ('2026-01-05'). */
  async today(tx?: Transaction): Promise<{ now: Date; day: string }> {
    const [row] = await this.m(tx).query(`SELECT now() AS now, to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day`);
    return row;
  }

  activeManagers(tx?: Transaction): Promise<{ id: string; name: string; email: string }[]> {
    return this.m(tx).query(`SELECT id, name, email FROM staff_user WHERE role = 'manager' AND active ORDER BY email`);
  }

  /**
   * Rounds the secretariat is working on: opened, and not more than 7 days past their 採択発表 (or,
   * without one, their deadline).
   */
  activeRounds(tx?: Transaction): Promise<ActiveRound[]> {
    return this.m(tx).query(
      `SELECT r.id, r.name, p.name AS "programName", p.workflow_kind AS "workflowKind", r.workflow_version AS "workflowVersion",
              r.closes_at AS "closesAt", (${roundDeadlineSql('r')} > now()) AS open
         FROM round r JOIN program p ON p.id = r.program_id
        WHERE r.opens_at <= now() AND coalesce(r.announcement_to, r.announcement_from, r.closes_at) > now() - interval '7 days'
        ORDER BY r.closes_at, r.code`,
    );
  }

  async applicationCounts(roundIds: string[], tx?: Transaction) {
    const byState: { roundId: string; status: string; n: number }[] = roundIds.length
      ? await this.m(tx).query(`SELECT round_id AS "roundId", status, count(*)::int AS n FROM application WHERE round_id = ANY($1::uuid[]) GROUP BY 1, 2`, [
          roundIds,
        ])
      : [];
    const fresh: { roundId: string; n: number }[] = roundIds.length
      ? await this.m(tx).query(
          `SELECT round_id AS "roundId", count(*)::int AS n FROM application WHERE round_id = ANY($1::uuid[]) AND received_at > now() - interval '1 day' GROUP BY 1`,
          [roundIds],
        )
      : [];
    return { byState, fresh };
  }

  async failedNotifications(tx?: Transaction): Promise<{ lastDay: number; total: number }> {
    const [row] = await this.m(tx).query(
      `SELECT count(*) FILTER (WHERE updated_at > now() - interval '1 day')::int AS "lastDay", count(*)::int AS total FROM notification WHERE status = 'failed'`,
    );
    return row;
  }

  /** Claims a manager's digest of a JST day: true once per (day, manager), whoever asks and however often. */
  async claimDigest(day: string, staffUserId: string, tx?: Transaction): Promise<boolean> {
    const rows = await this.m(tx).query(
      `INSERT INTO manager_digest (digest_date, staff_user_id) VALUES ($1::date, $2) ON CONFLICT DO NOTHING RETURNING staff_user_id`,
      [day, staffUserId],
    );
    return rows.length === 1;
  }

  async linkDigest(day: string, staffUserId: string, notificationId: string, tx?: Transaction) {
    await this.m(tx).query(`UPDATE manager_digest SET notification_id = $3 WHERE digest_date = $1::date AND staff_user_id = $2`, [
      day,
      staffUserId,
      notificationId,
    ]);
  }
}
