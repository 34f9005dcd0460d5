import { Injectable } from '@nestjs/common';
import { normalizeSearchText, type WorkflowKind } from '@jimukyoku/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { insertRows, insertUnnest, prepared } from '../../database/entity-rows';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { containing } from '../../database/like-pattern';
import { NotificationTemplate } from '../notification-templates/notification-template.entity';
import { announcementHasCome } from './held-decisions.repository';
import { Notification, NOTIFICATION_STATUSES, NotificationStatus } from './notification.entity';

export interface NotificationFilter {
  id?: string[];
  status?: string | string[];
  template?: string;
  applicationId?: string;
  /** the notifications of one 公募回's applications */
  roundId?: string;
  q?: string;
}

export const NOTIFICATION_SORTABLE = ['createdAt', 'sentAt', 'status', 'template', 'recipient'] as const;
export const NOTIFICATION_LIST: ListSpec = {
  sortable: NOTIFICATION_SORTABLE,
  defaultSort: ['createdAt', 'DESC'],
  filters: { status: { enums: NOTIFICATION_STATUSES }, template: 'string', applicationId: 'uuid', roundId: 'uuid', q: 'string' },
};

/** An outbox row a scheduled job writes (a reminder, a digest): pending from the start. */
export interface OutboxRow {
  applicationId: string | null;
  template: string;
  recipient: string;
  payload: Record<string, unknown>;
}

/** An outbox row of a transition: its application and audit record, and whether it waits (held, send_after). */
export type TransitionNotification = Pick<
  Notification,
  'applicationId' | 'auditId' | 'template' | 'recipient' | 'status' | 'sendAfter' | 'heldUntilAnnouncement' | 'payload'
>;

/** A pending notification as the dispatcher reads it to render. */
export type PendingNotification = Pick<
  Notification,
  'id' | 'applicationId' | 'template' | 'payload' | 'messageId' | 'templateCode' | 'templateVersion' | 'subject' | 'bodyText' | 'bodyHtml'
>;

/** What the dispatcher stores of a rendered notification before it is queued. */
export type RenderedNotification = Pick<Notification, 'id' | 'templateCode' | 'subject' | 'bodyText' | 'bodyHtml'> & {
  templateVersion: number;
  messageId: string;
};

export interface StatusCountRow {
  roundId: string | null;
  roundName: string | null;
  status: NotificationStatus;
  n: number;
  lastChangedAt: Date;
}

/**
 * The SQL of the notification outbox outside one delivery (NotificationDeliveryRepository has that):
 * reading and listing, a person's confirmation or resend, the dispatcher's release, claim and render,
 * the stranded-job sweep and the progress counts.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListQuery<NotificationFilter>): Promise<[Notification[], number]> {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n');
    const f = query.filter;
    if (f.id) qb.andWhere('n.id IN (:...ids)', { ids: f.id });
    if (f.status) qb.andWhere('n.status IN (:...statuses)', { statuses: ([] as string[]).concat(f.status) });
    // a name (受付: every programme's) or a variant's code (受付（給付金）: those rendered from it)
    if (f.template) qb.andWhere('(n.template = :template OR n.template_code = :template)', { template: f.template });
    if (f.applicationId) qb.andWhere('n.application_id = :applicationId', { applicationId: f.applicationId });
    if (f.roundId) qb.andWhere('n.application_id IN (SELECT a.id FROM application a WHERE a.round_id::text = :roundId)', { roundId: f.roundId });
    if (f.q) {
      // 宛先 and 件名 as typed; the application's 事業者名 / 受付番号 normalised like the applications list (normalizeSearchText)
      qb.andWhere(
        `(n.recipient ILIKE :q OR n.subject ILIKE :q OR n.application_id IN (
           SELECT a.id FROM application a WHERE a.search_text LIKE :normalized))`,
        { q: containing(f.q), normalized: containing(normalizeSearchText(f.q)) },
      );
    }
    return entityPage(qb, { order: { column: `n.${query.sortField}`, direction: query.sortOrder, nulls: 'NULLS LAST' }, tieBreak: 'n.id', ...query });
  }

  /** `id` must be a UUID (the caller checks). */
  findById(id: string, tx?: Transaction): Promise<Notification | null> {
    return managerOf(tx, this.dataSource).findOneBy(Notification, { id });
  }

  /** The notification, which must exist (TypeORM's EntityNotFoundError otherwise). */
  getById(id: string, tx?: Transaction): Promise<Notification> {
    return managerOf(tx, this.dataSource).findOneByOrFail(Notification, { id });
  }

  /** Reads and locks (FOR UPDATE) one notification until `tx` ends. `id` must be a UUID. */
  lockById(id: string, tx: Transaction): Promise<Notification | null> {
    return managerOf(tx, this.dataSource).findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, set: QueryDeepPartialEntity<Notification>, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).update(Notification, { id }, set);
  }

  /** A resend of `originalId` to `recipient` not yet delivered or given up (held, pending, queued, sending). */
  async pendingResendOf(originalId: string, recipient: string, tx: Transaction): Promise<Notification | null> {
    return managerOf(tx, this.dataSource)
      .createQueryBuilder(Notification, 'n')
      .where(`n.payload->>'resentFrom' = :originalId`, { originalId })
      .andWhere('n.recipient = :recipient', { recipient })
      .andWhere('n.status IN (:...open)', { open: ['held', 'pending', 'queued', 'sending'] })
      .getOne();
  }

  insert(row: Partial<Notification>, tx: Transaction): Promise<Notification> {
    const m = managerOf(tx, this.dataSource);
    return m.save(m.create(Notification, row));
  }

  /** A transition's outbox rows, in one statement, in the transition's transaction. */
  async insertMany(rows: TransitionNotification[], tx: Transaction): Promise<void> {
    await insertRows(
      managerOf(tx, this.dataSource),
      Notification,
      rows.map((n) => ({ ...n, payload: n.payload as never })),
    );
  }

  /** A transition's outbox rows as the part `name` of a chain, each referring to the audit record of the part `audit`. */
  insertIn(chain: WriteChain, name: string, rows: Omit<TransitionNotification, 'auditId'>[], audit: ChainPart): ChainPart {
    return chain.insert(
      name,
      Notification,
      rows.map((n) => ({ ...n, payload: n.payload as never })),
      { from: audit, refs: { auditId: 'id' }, returning: ['id'] },
    );
  }

  /** Many transitions' outbox rows (a committed decision's held notices), in one statement whatever their number. */
  async insertEach(rows: TransitionNotification[], tx: Transaction): Promise<void> {
    await insertUnnest(
      managerOf(tx, this.dataSource),
      Notification,
      rows.map((n) => ({ ...n, payload: n.payload as never })),
    );
  }

  /**
   * The decision notices still held for the 採択発表 say what is no longer so once a later decision is held in their
   * place (a 補欠 繰上げ or closed before the announcement, a 再審査 in another 類型): cancelled in that transition's
   * transaction (TransitionsService.fireIn). Returns their ids.
   */
  async cancelHeldDecisionNotices(applicationId: string, tx: Transaction): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await managerOf(tx, this.dataSource).query(
      `UPDATE notification SET status = 'cancelled', updated_at = now()
        WHERE application_id = $1 AND status = 'held' AND held_until_announcement
    RETURNING id`,
      [applicationId],
    );
    return rows.map((r) => r.id);
  }

  /** Outbox rows of scheduled jobs, delivered by the same dispatcher as the applicants' mail. Returns their ids in order. */
  async insertPending(rows: OutboxRow[], tx: Transaction): Promise<string[]> {
    const m = managerOf(tx, this.dataSource);
    const ids: string[] = [];
    for (const n of rows) {
      const [row] = await m.query(
        `INSERT INTO notification (application_id, template, recipient, status, payload) VALUES ($1, $2, $3, 'pending', $4) RETURNING id`,
        [n.applicationId, n.template, n.recipient, JSON.stringify(n.payload)],
      );
      ids.push(row.id);
    }
    return ids;
  }

  /** Failed notifications: those that failed in the last day, and all. */
  async failedCounts(tx?: Transaction): Promise<{ lastDay: number; total: number }> {
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT count(*) FILTER (WHERE updated_at > now() - interval '1 day')::int AS "lastDay", count(*)::int AS total FROM notification WHERE status = 'failed'`,
    );
    return row;
  }

  /** Held notices whose time has come become pending: decision notices at the round's 採択発表 as it stands now (managers move it), others at send_after. */
  async releaseDueHeld(): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification n SET status = 'pending', send_after = now(), updated_at = now()
         FROM application a JOIN round r ON r.id = a.round_id
        WHERE n.status = 'held' AND n.application_id = a.id
          AND CASE WHEN n.held_until_announcement THEN ${announcementHasCome('r')} ELSE n.send_after <= now() END`,
    );
  }

  /**
   * Claims (FOR UPDATE SKIP LOCKED) up to `limit` pending notifications due now, oldest first, until `tx` ends:
   * only what rendering needs, read with one prepared statement (no entities: the dispatcher reads 500 at a time).
   */
  async claimPending(limit: number, tx: Transaction): Promise<PendingNotification[]> {
    const rows = await prepared(
      managerOf(tx, this.dataSource),
      `SELECT id, application_id AS "applicationId", template, payload, message_id AS "messageId", template_code AS "templateCode",
              template_version AS "templateVersion", subject, body_text AS "bodyText", body_html AS "bodyHtml"
         FROM notification
        WHERE status = 'pending' AND (send_after IS NULL OR send_after <= now())
        ORDER BY created_at LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows as unknown as PendingNotification[];
  }

  /** Stores what the dispatcher rendered and marks the rows `queued`, in one statement. */
  async markQueued(rows: RenderedNotification[], tx: Transaction): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof RenderedNotification>(key: K) => rows.map((r) => r[key]);
    await prepared(
      managerOf(tx, this.dataSource),
      `UPDATE notification n
          SET status = 'queued', template_code = v.template_code, template_version = v.template_version, subject = v.subject,
              body_text = v.body_text, body_html = v.body_html, message_id = v.message_id, queued_at = now(), updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS v(id, template_code, template_version, subject, body_text, body_html, message_id)
        WHERE n.id = v.id`,
      [column('id'), column('templateCode'), column('templateVersion'), column('subject'), column('bodyText'), column('bodyHtml'), column('messageId')],
    );
  }

  /** The programme of each application (its name, and the workflow kind that picks the template variant), by application id. */
  async programmesOf(applicationIds: string[], tx: Transaction): Promise<Map<string, { programName: string; workflowKind: WorkflowKind }>> {
    if (applicationIds.length === 0) return new Map();
    const rows: { id: string; programName: string; workflowKind: WorkflowKind }[] = await managerOf(tx, this.dataSource).query(
      `SELECT a.id, p.name AS "programName", p.workflow_kind AS "workflowKind"
         FROM application a JOIN round r ON r.id = a.round_id JOIN program p ON p.id = r.program_id
        WHERE a.id = ANY($1::uuid[])`,
      [[...new Set(applicationIds)]],
    );
    return new Map(rows.map(({ id, ...programme }) => [id, programme]));
  }

  /** The latest saved version of a template (null: never saved, the built-in text applies). */
  latestTemplate(code: string, tx?: Transaction): Promise<NotificationTemplate | null> {
    return managerOf(tx, this.dataSource).findOne(NotificationTemplate, { where: { code }, order: { version: 'DESC' } });
  }

  /** `queued` or `sending` notifications untouched for `minutes`, oldest first. */
  async strandedIds(minutes: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification WHERE status IN ('queued', 'sending') AND updated_at < now() - make_interval(mins => $1) ORDER BY updated_at LIMIT $2`,
      [minutes, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Notifications per round (named with its programme) and status (all rounds, or `roundId`'s), with when each group last changed. */
  statusCounts(roundId?: string): Promise<StatusCountRow[]> {
    return this.dataSource.query(
      `SELECT a.round_id AS "roundId", p.name || ' ' || r.name AS "roundName", n.status, count(*)::int AS n, max(n.updated_at) AS "lastChangedAt"
         FROM notification n
         LEFT JOIN application a ON a.id = n.application_id
         LEFT JOIN round r ON r.id = a.round_id
         LEFT JOIN program p ON p.id = r.program_id
        WHERE $1::uuid IS NULL OR a.round_id = $1::uuid
        GROUP BY a.round_id, p.name, r.name, n.status`,
      [roundId ?? null],
    );
  }
}
