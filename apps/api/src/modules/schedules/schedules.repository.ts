import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { roundDeadlineSql } from '../rounds/rounds.repository';

export interface ActiveRound {
  id: string;
  name: string;
  programName: string;
  workflowKind: string;
  workflowVersion: number;
  closesAt: Date;
  open: boolean;
}

/**
 * The SQL of the scheduled jobs that is theirs: the clock, what the managers' digest reads, and the
 * digest's own table (manager_digest). What the jobs write to other modules' tables goes through those
 * modules' repositories (closing rounds: RoundsRepository, reminders: AssignmentsRepository and
 * CorrectionPeriodsRepository, orphan attachments: IntakeRepository, outbox rows: NotificationsRepository).
 * Every claim is a single `UPDATE … WHERE <not done yet> … RETURNING` (or an insert that a unique key
 * turns into a no-op), and every "now" is the database's, so several workers running the same job at
 * once do each piece of work once, and tests move times, not clocks.
 */
@Injectable()
export class SchedulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx: Transaction | undefined) {
    return managerOf(tx, this.dataSource);
  }

  /** The database's now and the JST calendar day it falls on ('2026-01-05'). */
  async today(tx?: Transaction): Promise<{ now: Date; day: string }> {
    const [row] = await this.m(tx).query(`SELECT now() AS now, to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day`);
    return row;
  }

  /** Active managers, the digest's recipients (a read of staff_user; UsersModule would bring AuthModule into the worker). */
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
