import { statesTagged } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';

/** An application claimed for a 補正期限 reminder (RemindCorrectionsJob), with what the reminder says. */
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

/**
 * The states whose 補正期限 the scheduler watches (reminder before it, closeUncorrected after it), read
 * from the registered definitions on every call so a definition registered later (a test's) counts too.
 */
const watchedCorrectionStates = () => statesTagged('correctionDeadlineWatched');

/**
 * The scheduler's reads of applications sent back for correction (差戻し): those whose 補正期限 is near, for
 * RemindCorrectionsJob, and those past it, for CloseUncorrectedJob.
 *
 * Their claims lock FOR NO KEY UPDATE SKIP LOCKED, the lock a status UPDATE takes anyway: it excludes another
 * worker's claim, but not the key-share lock a transaction inserting a row that references the application
 * holds (the dispatcher making its status link while it renders the 差戻し mail). FOR UPDATE conflicted with
 * that, so an application was skipped, not closed, while a mail about it was being rendered.
 */
@Injectable()
export class CorrectionPeriodsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims (sets correction_reminded_for = correction_due_at on) returned applications whose 補正期限 is
   * within `hours`, at most `limit`, unless already reminded for that very 補正期限; a later 差戻し sets
   * a new correction_due_at and so earns a new reminder. Rows another worker holds are skipped.
   */
  async claimDueCorrections(hours: number, limit: number, tx: Transaction): Promise<DueCorrection[]> {
    const [rows] = await managerOf(tx, this.dataSource).query(
      `WITH due AS (
         SELECT a.id FROM application a
          WHERE a.status = ANY($3::text[]) AND a.correction_due_at > now() AND a.correction_due_at <= now() + make_interval(hours => $1)
            AND a.correction_reminded_for IS DISTINCT FROM a.correction_due_at
          ORDER BY a.correction_due_at LIMIT $2
          FOR NO KEY UPDATE OF a SKIP LOCKED)
       UPDATE application a SET correction_reminded_for = a.correction_due_at FROM due WHERE a.id = due.id
       RETURNING a.id`,
      [hours, limit, watchedCorrectionStates()],
    );
    if (rows.length === 0) return [];
    return managerOf(tx, this.dataSource).query(
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
   * Returned applications whose 補正期限 has passed, its stated second too (`correction_due_at < date_trunc('second',
   * now())`: the guard's afterStatedSecond, libs/domain/src/time/jst.ts), in id order after `afterId` (keyset paging, so one
   * that could not be closed is not met again in the same run), at most `limit`. Not locked here: each
   * is locked and closed in its own transaction.
   */
  async overdueCorrections(limit: number, afterId: string | null, tx?: Transaction): Promise<string[]> {
    const rows: { id: string }[] = await managerOf(tx, this.dataSource).query(
      `SELECT id FROM application
        WHERE status = ANY($3::text[]) AND correction_due_at < date_trunc('second', now()) AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $1`,
      [limit, afterId, watchedCorrectionStates()],
    );
    return rows.map((r) => r.id);
  }

  /** Locks a returned application past its 補正期限 for this transaction; false if it is not (any more), or another worker holds it. */
  async lockOverdueCorrection(id: string, tx: Transaction): Promise<boolean> {
    const rows = await managerOf(tx, this.dataSource).query(
      `SELECT id FROM application WHERE id = $1 AND status = ANY($2::text[]) AND correction_due_at < date_trunc('second', now()) FOR NO KEY UPDATE SKIP LOCKED`,
      [id, watchedCorrectionStates()],
    );
    return rows.length === 1;
  }
}
