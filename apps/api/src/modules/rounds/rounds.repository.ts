import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statesOfKind, statesTagged } from '@jimukyoku/workflow';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { columnsOf, hydrate, prepared } from '../../database/entity-rows';
import { containing } from '../../database/like-pattern';
import { Category } from '../programs/category.entity';
import { Program } from '../programs/program.entity';
import { RoundCategory } from './round-category.entity';
import { Round } from './round.entity';

/**
 * 応募締切 in SQL: `closes_at + grace_minutes` of the round aliased `alias`, the first instant that is
 * too late (`roundDeadline` in libs/domain is the same rule in TypeScript; grace_minutes is never
 * negative, a CHECK of the column). Every query that compares a round's deadline uses this.
 */
export const roundDeadlineSql = (alias: string) => `(${alias}.closes_at + make_interval(mins => ${alias}.grace_minutes))`;

/**
 * A round with what a submission to it needs, read in one statement: its programme and, when the
 * round offers a category under the code, that category (rules) and the round's settings for it.
 */
export interface RoundContext {
  round: Round;
  program: Program;
  /** null when the round offers no category under the code */
  category: Category | null;
  offered: RoundCategory | null;
  /** the round's rule set is locked (its first submission was received; a lock is never lifted) */
  ruleSetLocked: boolean;
}

/** The next value of the round's 受付番号 sequence and the clocks, drawn in the context's statement (intake). */
export interface DrawnReceipt {
  /** nextval of the round's own sequence (round_receipt_sequence_name) */
  sequence: number;
  /** clock_timestamp() of that statement: the application's received-at instant */
  receivedAt: Date;
  /** now(): the transaction's clock, which the workflow's guards compare with */
  transactionNow: Date;
}

/** A round the scheduler closed (CloseRoundsJob), with the drafts still in it at that moment. */
export interface ClosedRound {
  id: string;
  code: string;
  closesAt: Date;
  graceMinutes: number;
  closedAt: Date;
  draftsLeft: number;
}

export interface RoundFilter {
  id?: string[];
  programId?: string;
  ruleSetId?: string;
  status?: 'upcoming' | 'open' | 'closed';
  q?: string;
}

/** Words of a search (`q`) looked at; more are ignored (a title has two or three). */
const MAX_SEARCH_WORDS = 8;

export const ROUND_SORTABLE = ['code', 'number', 'name', 'opensAt', 'closesAt', 'createdAt'] as const;
export const ROUND_LIST: ListSpec = {
  sortable: ROUND_SORTABLE,
  defaultSort: ['closesAt', 'DESC'],
  filters: { programId: 'uuid', ruleSetId: 'uuid', status: { enum: ['upcoming', 'open', 'closed'] }, q: 'string' },
};

/** RoundsRepository.received: what a round has received and decided. */
export interface RoundReceived {
  byCategory: Map<string, number>;
  firstReceivedAt: Date | null;
  lastReceivedAt: Date | null;
  decided: boolean;
}

@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /** Status filters compare with the database clock, the one clock every process shares. */
  list(query: ListQuery<RoundFilter>) {
    const qb = this.dataSource.getRepository(Round).createQueryBuilder('r');
    const f = query.filter;
    if (f.id) qb.andWhere('r.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.programId && isUuid(f.programId)) qb.andWhere('r.program_id = :programId', { programId: f.programId });
    if (f.ruleSetId && isUuid(f.ruleSetId)) qb.andWhere('r.rule_set_id = :ruleSetId', { ruleSetId: f.ruleSetId });
    if (f.status === 'upcoming') qb.andWhere('r.opens_at > now()');
    if (f.status === 'open') qb.andWhere('r.opens_at <= now() AND r.closes_at > now()');
    if (f.status === 'closed') qb.andWhere('r.closes_at <= now()');
    // the search of the 公募回 pickers, which name a round by its title 「事業復活支援金 第2回公募」 (programme and round):
    // every word of `q` is in the round's name or code or its programme's name
    (f.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, MAX_SEARCH_WORDS)
      .forEach((word, i) =>
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(`r.name ILIKE :q${i}`, { [`q${i}`]: containing(word) })
              .orWhere(`r.code ILIKE :q${i}`)
              .orWhere(`EXISTS (SELECT 1 FROM program p WHERE p.id = r.program_id AND p.name ILIKE :q${i})`),
          ),
        ),
      );
    return entityPage(qb, { order: { column: `r.${query.sortField}`, direction: query.sortOrder }, tieBreak: 'r.id', ...query });
  }

  find(id: string, tx?: Transaction) {
    return isUuid(id) ? this.m(tx).findOneBy(Round, { id }) : Promise.resolve(null);
  }

  /**
   * The round × 類型 lookup (intake, quotes): the round, its programme, and the category the round
   * offers under `categoryCode` with the round's budget and quota for it. One statement; null when
   * there is no such round.
   */
  async context(roundId: string, categoryCode: string, tx?: Transaction): Promise<RoundContext | null>;
  /**
   * The same, and in the same statement the round's next 受付番号 sequence value with the clocks (intake:
   * one round trip less). A round that does not exist draws nothing; a request refused after this leaves
   * a gap in the numbers (allowed), never a duplicate.
   */
  async context(roundId: string, categoryCode: string, tx: Transaction, drawReceipt: true): Promise<(RoundContext & { receipt: DrawnReceipt }) | null>;
  async context(roundId: string, categoryCode: string, tx?: Transaction, drawReceipt = false): Promise<(RoundContext & { receipt?: DrawnReceipt }) | null> {
    if (!isUuid(roundId)) return null;
    const m = this.m(tx);
    const receipt = drawReceipt ? `, nextval(round_receipt_sequence_name(r.id)) AS receipt_n, clock_timestamp() AS receipt_at, now() AS tx_now` : '';
    // plain SQL: on the intake's hot path TypeORM's query builder cost more CPU than the statement
    const [row] = await prepared(
      m,
      `SELECT ${columnsOf(m, Round, 'r')}, ${columnsOf(m, Program, 'p')}, ${columnsOf(m, RoundCategory, 'rc')}, ${columnsOf(m, Category, 'c')},
              (SELECT rs.locked_at IS NOT NULL FROM rule_set rs WHERE rs.id = r.rule_set_id) AS rule_set_locked${receipt}
         FROM round r
         JOIN program p ON p.id = r.program_id
         LEFT JOIN round_category rc ON rc.round_id = r.id AND rc.category_id IN (SELECT cc.id FROM category cc WHERE cc.code = $2)
         LEFT JOIN category c ON c.id = rc.category_id
        WHERE r.id = $1`,
      [roundId, categoryCode],
    );
    if (!row) return null;
    const category = row.c__id !== null && row.rc__round_id !== null ? hydrate(m, Category, row, 'c') : null;
    return {
      round: hydrate(m, Round, row, 'r'),
      program: hydrate(m, Program, row, 'p'),
      category,
      offered: category ? hydrate(m, RoundCategory, row, 'rc') : null,
      ruleSetLocked: row.rule_set_locked === true,
      ...(drawReceipt ? { receipt: { sequence: Number(row.receipt_n), receivedAt: row.receipt_at as Date, transactionNow: row.tx_now as Date } } : {}),
    };
  }

  async categoriesOf(roundIds: string[], tx?: Transaction): Promise<Map<string, RoundCategory[]>> {
    const m = this.m(tx);
    const rows = roundIds.length
      ? await m.getRepository(RoundCategory).createQueryBuilder('rc').where('rc.round_id IN (:...ids)', { ids: roundIds }).getMany()
      : [];
    const byRound = new Map<string, RoundCategory[]>(roundIds.map((id) => [id, []]));
    for (const row of rows) byRound.get(row.roundId)!.push(row);
    return byRound;
  }

  async replaceCategories(roundId: string, rows: Omit<RoundCategory, 'roundId'>[], tx: Transaction) {
    const m = this.m(tx);
    await m.delete(RoundCategory, { roundId });
    if (rows.length)
      await m.insert(
        RoundCategory,
        rows.map((r) => ({ ...r, roundId })),
      );
  }

  numberTaken(programId: string, number: number, tx: Transaction) {
    return this.m(tx).existsBy(Round, { programId, number });
  }

  codeTaken(code: string, tx: Transaction) {
    return this.m(tx).existsBy(Round, { code });
  }

  /** A new round (not yet saved) with the given fields. */
  build(fields: Partial<Round>): Round {
    return Object.assign(new Round(), fields);
  }

  save(round: Round, tx: Transaction): Promise<Round> {
    return this.m(tx).save(Round, round);
  }

  /** Marks closed every round whose deadline plus grace has passed and that is not closed yet. */
  async closeDueRounds(tx: Transaction): Promise<ClosedRound[]> {
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
   * What the round has received and decided, which its edits must not contradict (RoundsService.update): its
   * applications per 類型 (drafts included), the first and last 受付日時, and whether it has adopted any.
   */
  async received(roundId: string, tx: Transaction): Promise<RoundReceived> {
    const m = this.m(tx);
    const rows: { category_id: string; n: number; first: Date | null; last: Date | null }[] = await m.query(
      `SELECT category_id, count(*)::int AS n, min(received_at) AS first, max(received_at) AS last FROM application WHERE round_id = $1 GROUP BY category_id`,
      [roundId],
    );
    // a committed decision, or a 採択 made on its own (a state holding a slot: 採択 and everything after it)
    const [{ decided }] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM adoption_decision WHERE round_id = $1)
           OR EXISTS (SELECT 1 FROM application WHERE round_id = $1 AND status = ANY($2::text[])) AS decided`,
      [roundId, statesTagged('holdsSlot')],
    );
    const times = (pick: (r: (typeof rows)[number]) => Date | null) => rows.map(pick).filter((d): d is Date => d !== null);
    const firsts = times((r) => r.first);
    const lasts = times((r) => r.last);
    return {
      byCategory: new Map(rows.map((r) => [r.category_id, r.n])),
      firstReceivedAt: firsts.length ? new Date(Math.min(...firsts.map(Number))) : null,
      lastReceivedAt: lasts.length ? new Date(Math.max(...lasts.map(Number))) : null,
      decided: decided === true,
    };
  }

  async dbNow(tx?: Transaction): Promise<Date> {
    const [row] = await this.m(tx).query('SELECT now() AS now');
    return row.now as Date;
  }
}
