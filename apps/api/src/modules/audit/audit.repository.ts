import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { TEMPLATE_INFO } from '@jimukyoku/domain';
import { isSerial } from '../../common/is-serial';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { insertRows, insertUnnest } from '../../database/entity-rows';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { startingWith } from '../../database/like-pattern';
import { AuditLogEntry } from './audit-log.entity';

export interface AuditLogFilter {
  id?: string[];
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** ISO instants */
  occurredFrom?: string;
  occurredTo?: string;
}

export const AUDIT_SORTABLE = ['occurredAt', 'action', 'entityType'] as const;
export const AUDIT_LIST: ListSpec = {
  sortable: AUDIT_SORTABLE,
  defaultSort: ['occurredAt', 'DESC'],
  filters: { id: 'serials', action: 'string', actorId: 'uuid', entityType: 'string', entityId: 'string', occurredFrom: 'instant', occurredTo: 'instant' },
};

/**
 * An audit record as people read it: the actor's name (an auditor cannot read /api/users) and a label
 * of the record it is about (受付番号 and 事業者名 of an application, a round's programme and name, ...),
 * null when there is none (the system acted; the record is gone or has no name).
 */
export type DescribedAuditLogEntry = AuditLogEntry & { actorName: string | null; entityLabel: string | null };

const ASSIGNMENT_LABEL_SQL = `(SELECT concat_ws(' ', a.receipt_number, a.applicant_name) || ' (審査員: ' || u.name || ')'
      FROM application_assignment aa JOIN application a ON a.id = aa.application_id JOIN staff_user u ON u.id = aa.reviewer_id WHERE aa.id = x.id::uuid)`;

/** The label of each kind of audited record, looked up by id (a uuid) in one statement. */
const ENTITY_LABEL_SQL: Readonly<Record<string, string>> = {
  application: `(SELECT concat_ws(' ', a.receipt_number, a.applicant_name) FROM application a WHERE a.id = x.id::uuid)`,
  applicationAssignment: ASSIGNMENT_LABEL_SQL,
  // a score sheet is audited under its assignment's id
  reviewScore: ASSIGNMENT_LABEL_SQL,
  notification: `(SELECT concat_ws(' ', a.receipt_number, a.applicant_name) FROM notification n JOIN application a ON a.id = n.application_id WHERE n.id = x.id::uuid)`,
  staffUser: `(SELECT u.name FROM staff_user u WHERE u.id = x.id::uuid)`,
  program: `(SELECT p.name FROM program p WHERE p.id = x.id::uuid)`,
  ruleSet: `(SELECT rs.label FROM rule_set rs WHERE rs.id = x.id::uuid)`,
  category: `(SELECT c.name FROM category c WHERE c.id = x.id::uuid)`,
  round: `(SELECT p.name || ' ' || r.name FROM round r JOIN program p ON p.id = r.program_id WHERE r.id = x.id::uuid)`,
  adoptionDecision: `(SELECT p.name || ' ' || r.name || ' ' || c.name FROM adoption_decision d JOIN round r ON r.id = d.round_id
      JOIN program p ON p.id = r.program_id JOIN category c ON c.id = d.category_id WHERE d.id = x.id::uuid)`,
  reviewRubric: `(SELECT p.name || ' ' || r.name || ' ' || c.name FROM review_rubric rr JOIN round r ON r.id = rr.round_id
      JOIN program p ON p.id = r.program_id JOIN category c ON c.id = rr.category_id WHERE rr.id = x.id::uuid)`,
  conflictOfInterest: `(SELECT u.name FROM conflict_of_interest ci JOIN staff_user u ON u.id = ci.reviewer_id WHERE ci.id = x.id::uuid)`,
  intakeChannel: `(SELECT ic.name FROM intake_channel ic WHERE ic.id = x.id::uuid)`,
  applicationImport: `(SELECT ai.file_name FROM application_import ai WHERE ai.id = x.id::uuid)`,
  applicationExport: `(SELECT ae.file_name FROM application_export ae WHERE ae.id = x.id::uuid)`,
  applicationMemo: `(SELECT concat_ws(' ', a.receipt_number, a.applicant_name) FROM application_memo am JOIN application a ON a.id = am.application_id WHERE am.id = x.id::uuid)`,
  inquiry: `(SELECT concat_ws(' ', a.receipt_number, a.applicant_name) FROM inquiry i JOIN application a ON a.id = i.application_id WHERE i.id = x.id::uuid)`,
  bankAccount: `(SELECT concat_ws(' ', a.receipt_number, a.applicant_name) FROM bank_account b JOIN application a ON a.id = b.application_id WHERE b.id = x.id::uuid)`,
  paymentBatch: `(SELECT concat_ws(' ', p.name, r.name, '振込指定日 ' || to_char(pb.transfer_date, 'YYYY"年"FMMM"月"FMDD"日"')) FROM payment_batch pb JOIN round r ON r.id = pb.round_id
      JOIN program p ON p.id = r.program_id WHERE pb.id = x.id::uuid)`,
  attachment: `(SELECT concat_ws(' ', at.file_name, a.receipt_number, a.applicant_name) FROM attachment at LEFT JOIN application a ON a.id = at.application_id WHERE at.id = x.id::uuid)`,
};

/** The entity types whose records the audit log names (ENTITY_LABEL_SQL), and notificationTemplate by TEMPLATE_INFO. */
export const DESCRIBED_ENTITY_TYPES: readonly string[] = [...Object.keys(ENTITY_LABEL_SQL), 'notificationTemplate'];

/** A new audit_log row: every column but the ones the database fills (id, occurred_at). */
export type NewAuditLogEntry = Omit<AuditLogEntry, 'id' | 'occurredAt'>;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo(): Repository<AuditLogEntry> {
    return this.dataSource.getRepository(AuditLogEntry);
  }

  /**
   * Appends one record, in `tx` when the record belongs to a change (they commit or roll back together);
   * returns its id (a transition's notifications refer to it).
   */
  async insert(entry: NewAuditLogEntry, tx?: Transaction): Promise<string> {
    // one prepared statement (database/entity-rows.ts; the demo's story clock dates it through onInsertRows)
    const [id] = await insertRows(managerOf(tx, this.dataSource), AuditLogEntry, [entry]);
    return String(id);
  }

  /**
   * One record as the part `name` of a chain, written once per row of `after` (the change it records; the
   * record before it, so that a change's records keep their order): returns the part, whose rows have the id.
   */
  insertIn(chain: WriteChain, name: string, entry: NewAuditLogEntry, after: ChainPart): ChainPart {
    return chain.insert(name, AuditLogEntry, [entry], { from: after, returning: ['id'] });
  }

  /** Appends several records in one statement, in `tx` (a bulk change audits each row it writes). */
  async insertMany(entries: NewAuditLogEntry[], tx?: Transaction): Promise<void> {
    if (entries.length === 0) return;
    await managerOf(tx, this.dataSource).insert(
      AuditLogEntry,
      entries.map((entry) => ({ ...entry, changes: entry.changes as never })),
    );
  }

  /**
   * Appends many records of one change in one statement (a committed decision: one per application), in `tx`;
   * returns each record's id by its entityId (each entityId at most once among `entries`).
   */
  async insertEach(entries: NewAuditLogEntry[], tx: Transaction): Promise<Map<string, string>> {
    const rows = await insertUnnest(managerOf(tx, this.dataSource), AuditLogEntry, entries, ['id', 'entity_id']);
    const ids = new Map(rows.map((r) => [String(r.entity_id), String(r.id)]));
    if (ids.size !== entries.length) throw new Error(`insertEach: ${entries.length} audit records for ${ids.size} entities`);
    return ids;
  }

  async list(query: ListQuery<AuditLogFilter>): Promise<[AuditLogEntry[], number]> {
    const qb = this.repo.createQueryBuilder('a');
    const f = query.filter;
    if (f.id) qb.andWhere('a.id IN (:...ids)', { ids: f.id });
    if (f.action) qb.andWhere('a.action LIKE :action', { action: startingWith(f.action) });
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.occurredFrom) qb.andWhere('a.occurred_at >= :from', { from: f.occurredFrom });
    if (f.occurredTo) qb.andWhere('a.occurred_at < :to', { to: f.occurredTo });
    return entityPage(qb, { order: { column: `a.${query.sortField}`, direction: query.sortOrder }, tieBreak: 'a.id', ...query });
  }

  /**
   * The records with their actor's name and their entity's label (see DescribedAuditLogEntry), in one
   * statement whatever the number of records. Reads other modules' tables, never writes them.
   */
  async describe<T extends AuditLogEntry>(entries: T[], tx?: Transaction): Promise<(T & { actorName: string | null; entityLabel: string | null })[]> {
    const keys = new Map<string, [type: string, id: string]>();
    for (const e of entries) {
      if (e.actorId && isUuid(e.actorId)) keys.set(`staffUser:${e.actorId}`, ['staffUser', e.actorId]);
      if (e.entityType && e.entityId && Object.prototype.hasOwnProperty.call(ENTITY_LABEL_SQL, e.entityType) && isUuid(e.entityId))
        keys.set(`${e.entityType}:${e.entityId}`, [e.entityType, e.entityId]);
    }
    const labels = new Map<string, string>();
    if (keys.size > 0) {
      const types = [...new Set([...keys.values()].map(([type]) => type))];
      const rows: { type: string; id: string; label: string | null }[] = await managerOf(tx, this.dataSource).query(
        `SELECT x.type, x.id, CASE x.type ${types.map((t) => `WHEN '${t}' THEN ${ENTITY_LABEL_SQL[t]}`).join(' ')} END AS label
           FROM unnest($1::text[], $2::text[]) AS x(type, id)`,
        [[...keys.values()].map(([type]) => type), [...keys.values()].map(([, id]) => id)],
      );
      for (const r of rows) if (r.label) labels.set(`${r.type}:${r.id}`, r.label);
    }
    return entries.map((e) =>
      Object.assign(e, {
        actorName: e.actorId ? (labels.get(`staffUser:${e.actorId}`) ?? null) : null,
        entityLabel:
          e.entityType === 'notificationTemplate' && e.entityId
            ? Object.prototype.hasOwnProperty.call(TEMPLATE_INFO, e.entityId)
              ? TEMPLATE_INFO[e.entityId].label
              : null
            : e.entityType && e.entityId
              ? (labels.get(`${e.entityType}:${e.entityId}`) ?? null)
              : null,
      }),
    );
  }

  findOne(id: string): Promise<AuditLogEntry | null> {
    return isSerial(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** When `action` happened to one entity, oldest first (e.g. each 計画変更's approval of an application). */
  async occurrences(entityType: string, entityId: string, action: string, tx?: Transaction): Promise<Date[]> {
    const rows: { occurred_at: Date }[] = await managerOf(tx, this.dataSource).query(
      `SELECT occurred_at FROM audit_log WHERE entity_type = $1 AND entity_id = $2 AND action = $3 ORDER BY occurred_at, id`,
      [entityType, entityId, action],
    );
    return rows.map((r) => r.occurred_at);
  }

  /** The value under `key` of the oldest `action` record of one entity that has it, or null (e.g. an application as submitted). */
  async earliestChange(entityType: string, entityId: string, action: string, key: string, tx?: Transaction): Promise<unknown> {
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT changes -> $4 AS value FROM audit_log WHERE entity_type = $1 AND entity_id = $2 AND action = $3 AND changes ? $4 ORDER BY id LIMIT 1`,
      [entityType, entityId, action, key],
    );
    return row ? row.value : null;
  }

  /** Audit records of one entity, oldest first (the timeline of an application, a user, ...). */
  forEntity(entityType: string, entityId: string): Promise<AuditLogEntry[]> {
    return this.repo.find({ where: { entityType, entityId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
