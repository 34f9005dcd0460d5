import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPrefecture, normalizeSearchText, prefectureOrder } from '@jimukyoku/domain';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import { managerOf, type Transaction } from '../../database';
import { columnsOf, hydrate, insertReturning, prepared } from '../../database/entity-rows';
import { violatedUniqueConstraint } from '../../database/unique-violation';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { containing } from '../../database/like-pattern';
import { heldDecisionOf, type HeldDecision } from '../notifications/held-decisions.repository';
import { advancePaidSql } from '../payment-batches/advance-paid.sql';
import { openBatchIdSql } from '../payment-batches/open-batch.sql';
import { ADOPTION_SLOTS_LOCK } from './adoption-slots-lock';
import { applicationListPage, type ApplicationListPage } from './application-list.repository';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import type { ApplicationFilter } from './application-list-spec';
import { Category } from '../programs/category.entity';
import { Program } from '../programs/program.entity';
import { RoundCategory } from '../rounds/round-category.entity';
import { Round } from '../rounds/round.entity';
import { ApplicationAssignment } from '../assignments/application-assignment.entity';
import { Application, type FormalCheckOutcome } from './application.entity';

export type { ApplicationListPage };

/** The constraint that holds a round to one application per 法人番号 (migration Applications). */
const ONE_PER_CORPORATE_NUMBER = 'application_one_per_corporate_number_per_round';

/**
 * What one transition writes to the application, in the caller's transaction (its audit record and
 * outbox rows the caller writes through the audit and notifications repositories, in the same one).
 */
export interface TransitionWrite {
  applicationId: string;
  expectedVersion: number;
  to: string;
  stamps: Record<string, string>;
  correctionDueAt?: Date | null;
  /** a (re)submission into a state awaiting the 要件確認: a check completed before it no longer counts (reopensFormalCheck) */
  reopensFormalCheck?: boolean;
}

/**
 * The stored 要件確認 (`column`) reopened by a 再提出: the answers stay as a draft for the checker to judge again; nothing
 * is completed or passed and no one has checked it yet (formal-check.service.ts reads it so).
 */
const reopenedFormalCheckSql = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE (${column} - 'checkedBy' - 'checkedAt') || '{"completed": false, "passed": false}'::jsonb END`;

/** Who reads, as far as the scope cares: a reviewer sees only the applications assigned to them. */
export type ApplicationScope = Pick<AuthenticatedUser, 'id' | 'role'>;

/** A new application row: every column but the ones the database fills. */
export type NewApplication = Omit<Application, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * A normalised query of two characters, one of them not ASCII (「佐藤」): pg_trgm has no trigram for it, the
 * stored `search_bigrams` has it (migration ApplicationSearchBigrams keeps the pairs holding a non-ASCII one).
 */
const isIndexedPair = (q: string) => [...q].length === 2 && [...q].some((c) => c.codePointAt(0)! > 0x7f);

/** All SQL of applications. The one write path of a state change is `applyTransition`. */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /**
   * A page of what the user may see (a reviewer only the applications assigned to them), with its total exact up to
   * `exactCountLimit` and estimated beyond (application-list.repository.ts says how each page is read).
   */
  list(query: ListQuery<ApplicationFilter>, user: ApplicationScope, exactCountLimit: number): Promise<ApplicationListPage> {
    return applicationListPage(this.dataSource, this.filtered(query.filter, user), query, exactCountLimit);
  }

  /**
   * The applications a list filter selects among those the user may see (a reviewer only the assigned ones),
   * as a query builder aliased `a`: the list pages it, the application exports (modules/application-exports)
   * join names to it and read it in keyset order, so both select exactly the same rows.
   */
  filtered(f: ApplicationFilter, user: ApplicationScope, m?: EntityManager): SelectQueryBuilder<Application> {
    const qb = this.scoped(user, m);
    if (f.id) qb.andWhere('a.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.roundId && isUuid(f.roundId)) qb.andWhere('a.round_id = :roundId', { roundId: f.roundId });
    if (f.categoryId && isUuid(f.categoryId)) qb.andWhere('a.category_id = :categoryId', { categoryId: f.categoryId });
    if (f.status) qb.andWhere('a.status IN (:...statuses)', { statuses: ([] as string[]).concat(f.status) });
    // by its JIS code, which the index (prefecture_order, id) finds and which names one of the 47 alone; any other
    // name shares the code after them, so it is matched by name too
    if (f.prefecture)
      qb.andWhere(
        isPrefecture(f.prefecture) ? 'a.prefecture_order = :prefectureOrder' : 'a.prefecture_order = :prefectureOrder AND a.prefecture = :prefecture',
        {
          prefectureOrder: prefectureOrder(f.prefecture),
          prefecture: f.prefecture,
        },
      );
    if (f.sizeClass) qb.andWhere('a.size_class = :sizeClass', { sizeClass: f.sizeClass });
    if (f.receivedFrom) qb.andWhere('a.received_at >= :receivedFrom', { receivedFrom: f.receivedFrom });
    if (f.receivedTo) qb.andWhere('a.received_at < :receivedTo', { receivedTo: f.receivedTo });
    if (f.q) {
      // both sides normalised alike (normalizeSearchText here, search_normalize in SQL): ＲＥＳ１１, （株）, ㈱ …
      const q = normalizeSearchText(f.q);
      const exact = f.q.trim();
      qb.andWhere(
        new Brackets((w) =>
          (isIndexedPair(q)
            ? // the name's character pairs, stored with their GIN index (migration ApplicationSearchBigrams): the rows LIKE finds
              w.where(`a.search_bigrams @> ARRAY[:pair]::text[]`, { pair: q })
            : // search_text: application_search_text(applicant_name, corporate_number, receipt_number), stored (migration ApplicationSearchText)
              w.where(`a.search_text LIKE :like`, {
                like: containing(q),
              })
          ).orWhere('a.corporate_number = :exact OR a.receipt_number = :exact', { exact }),
        ),
      );
    }
    return qb;
  }

  /** One application if the user may see it; null otherwise (a reviewer's 404 does not tell it exists). */
  findVisible(id: string, user: AuthenticatedUser, tx?: Transaction): Promise<Application | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.scoped(user, this.m(tx)).andWhere('a.id = :id', { id }).getOne();
  }

  /**
   * The applications of `ids` the user may see (a reviewer only the assigned ones; no user: all), in one
   * statement, as find() hydrates them; an id not seen is left out.
   */
  async findMany(ids: string[], user: ApplicationScope | null, tx?: Transaction): Promise<Application[]> {
    const m = this.m(tx);
    const scoped = user?.role === 'reviewer';
    const rows = await prepared(
      m,
      `SELECT ${columnsOf(m, Application)} FROM application a WHERE a.id = ANY($1::uuid[])${
        scoped ? ' AND EXISTS (SELECT 1 FROM application_assignment x WHERE x.application_id = a.id AND x.reviewer_id = $2 AND x.revoked_at IS NULL)' : ''
      }`,
      scoped ? [ids.filter(isUuid), user.id] : [ids.filter(isUuid)],
    );
    return rows.map((raw) => hydrate(m, Application, raw));
  }

  find(id: string, tx?: Transaction): Promise<Application | null> {
    return isUuid(id) ? this.m(tx).findOneBy(Application, { id }) : Promise.resolve(null);
  }

  /**
   * The application as it stands, its row locked (FOR NO KEY UPDATE, what the transition's UPDATE takes anyway)
   * until the caller's transaction ends: TransitionsService.fireIn decides on it, so a state change committed
   * meanwhile is decided on rather than refused as stale.
   */
  async findLocked(id: string, tx: Transaction): Promise<Application | null> {
    const m = this.m(tx);
    const [row] = await prepared(m, `SELECT ${columnsOf(m, Application)} FROM application WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    return row ? hydrate(m, Application, row) : null;
  }

  /** An application an intake channel handed over (a channel sees only its own). */
  findOfChannel(id: string, channelId: string, tx?: Transaction): Promise<Application | null> {
    return isUuid(id) ? this.m(tx).findOneBy(Application, { id, channelId }) : Promise.resolve(null);
  }

  /** The application of a 法人番号 in a round (at most one: application_one_per_corporate_number_per_round). */
  async findByCorporateNumber(roundId: string, corporateNumber: string, tx?: Transaction): Promise<Application | null> {
    const m = this.m(tx);
    const [row] = await prepared(m, `SELECT ${columnsOf(m, Application)} FROM application WHERE round_id = $1 AND corporate_number = $2`, [
      roundId,
      corporateNumber,
    ]);
    return row ? hydrate(m, Application, row) : null;
  }

  /**
   * Writes a new application (a draft, see application-drafts.ts, or one already in the state its intake's
   * transitions leave it, TransitionsService.fireOnNewIn, which gives its id) and returns it as stored.
   */
  async insert(row: NewApplication & { id?: string }, tx: Transaction): Promise<Application> {
    const [inserted] = await insertReturning(this.m(tx), Application, [row as Partial<Application>]);
    return inserted;
  }

  /**
   * A new application (TransitionsService.fireOnNewIn: in its submitted state, with its id) as the part `name`
   * of a chain: nothing is written, and the chain's later parts that read it write nothing either, when the
   * round already holds an application of its 法人番号 (one per round, the constraint decides, also between
   * two concurrent submissions: the later waits for the earlier to commit).
   */
  insertIn(chain: WriteChain, name: string, row: NewApplication & { id: string }): ChainPart<Application> {
    return chain.insert(name, Application, [row as Partial<Application>], { onConflict: `ON CONFLICT ON CONSTRAINT ${ONE_PER_CORPORATE_NUMBER} DO NOTHING` });
  }

  /** What a draft is built from (application-drafts.ts): its round, programme and category. */
  async draftContext(roundId: string, categoryId: string, tx?: Transaction): Promise<{ round: Round; program: Program; category: Category }> {
    const m = this.m(tx);
    const round = await m.findOneByOrFail(Round, { id: roundId });
    const program = await m.findOneByOrFail(Program, { id: round.programId });
    const category = await m.findOneByOrFail(Category, { id: categoryId });
    return { round, program, category };
  }

  /** The round of an application (its schedule and settings are the workflow's context). */
  roundOf(roundId: string, tx?: Transaction): Promise<Round> {
    return this.m(tx).findOneByOrFail(Round, { id: roundId });
  }

  /** The round's settings (budget, adoption quota) for a category it offers; null when none. */
  offeredOf(roundId: string, categoryId: string, tx?: Transaction): Promise<RoundCategory | null> {
    return this.m(tx).findOneBy(RoundCategory, { roundId, categoryId });
  }

  /** The category an application is of (its name goes into notifications). */
  categoryOf(categoryId: string, tx?: Transaction): Promise<Category> {
    return this.m(tx).findOneByOrFail(Category, { id: categoryId });
  }

  /** Stores the 要件確認 answers and outcome on the application (apps/api/src/modules/formal-check). */
  async saveFormalCheck(applicationId: string, outcome: FormalCheckOutcome, tx: Transaction): Promise<void> {
    await this.m(tx).query(`UPDATE application SET formal_check = $2, updated_at = now() WHERE id = $1`, [applicationId, JSON.stringify(outcome)]);
  }

  /**
   * Replaces the applicant's data and its quote snapshot (a resubmission after 差戻し). False when the new
   * 法人番号 is another application's in the round (the constraint application_one_per_corporate_number_per_round,
   * met by a concurrent correction); the transaction is then aborted and must end.
   */
  async updateData(id: string, fields: Partial<NewApplication>, tx: Transaction): Promise<boolean> {
    try {
      await this.m(tx).update(Application, { id }, fields as never);
      return true;
    } catch (e) {
      if (violatedUniqueConstraint(e) === ONE_PER_CORPORATE_NUMBER) return false;
      throw e;
    }
  }

  /**
   * 再審査: moves the application to another 類型 with the quote computed under it, remembering the one it
   * left, at the version the caller read (the transition that follows bumps it). False: changed meanwhile.
   */
  async moveToCategory(
    tx: Transaction,
    w: { applicationId: string; expectedVersion: number; categoryId: string; fromCategoryId: string } & Pick<
      Application,
      'quote' | 'quotedAmount' | 'eligibility'
    >,
  ): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.m(tx).query(
      `UPDATE application
          SET category_id = $3, reconsidered_from_category_id = coalesce(reconsidered_from_category_id, $4),
              quote = $5::jsonb, quoted_amount = $6, eligibility = $7::jsonb, updated_at = now()
        WHERE id = $1 AND version = $2
    RETURNING id`,
      [w.applicationId, w.expectedVersion, w.categoryId, w.fromCategoryId, JSON.stringify(w.quote), w.quotedAmount, JSON.stringify(w.eligibility)],
    );
    return rows.length > 0;
  }

  /**
   * The open payment batch (neither paid nor cancelled) that carries the application, if any (docs/payments.md
   * "One open batch"): its 全銀 file may be at the bank, so the application leaves its payment state only by that
   * batch's confirmation (TransitionsService.fireIn).
   */
  async openPaymentBatchOf(applicationId: string, tx?: Transaction): Promise<{ id: string; transferDate: string } | null> {
    const [row] = await this.m(tx).query(
      `SELECT b.id, to_char(b.transfer_date, 'YYYY-MM-DD') AS "transferDate" FROM payment_batch b WHERE b.id = ${openBatchIdSql('$1')}`,
      [applicationId],
    );
    return row ?? null;
  }

  /** Of `ids`, those the user may open (a reviewer only the assigned ones). */
  async visibleIds(ids: string[], user: AuthenticatedUser, tx?: Transaction): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.scoped(user, this.m(tx)).select('a.id', 'id').andWhere('a.id IN (:...ids)', { ids }).getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /** The categories of a rule set (the 類型 a reconsideration may move to are among them). */
  categoriesOfRuleSet(ruleSetId: string, tx?: Transaction): Promise<Category[]> {
    return this.m(tx).find(Category, { where: { ruleSetId }, order: { code: 'ASC' } });
  }

  /**
   * The state of one transition, in the caller's transaction, and the application as it now is. The
   * update only matches the version the decision was made on: a concurrent transition that committed
   * first makes this return null, and the caller rolls back.
   */
  async applyTransition(tx: Transaction, w: TransitionWrite): Promise<Application | null> {
    const m = this.m(tx);
    const rows = await prepared(
      m,
      `UPDATE application
          SET status = $3, version = version + 1, stamps = stamps || $4::jsonb, updated_at = now(),
              correction_due_at = CASE WHEN $5::boolean THEN $6::timestamptz ELSE correction_due_at END,
              formal_check = CASE WHEN $7::boolean THEN ${reopenedFormalCheckSql('formal_check')} ELSE formal_check END
        WHERE id = $1 AND version = $2
    RETURNING ${columnsOf(m, Application)}`,
      [
        w.applicationId,
        w.expectedVersion,
        w.to,
        JSON.stringify(w.stamps),
        w.correctionDueAt !== undefined,
        w.correctionDueAt ?? null,
        w.reopensFormalCheck === true,
      ],
    );
    // the row as written, in the same statement
    return rows.length === 0 ? null : hydrate(m, Application, rows[0]);
  }

  /**
   * The states of many transitions in one statement (a committed decision), each like applyTransition:
   * only at the version its decision was made on. Returns how many were written; fewer than given means a
   * concurrent transition committed first, and the caller rolls back.
   */
  async applyTransitions(tx: Transaction, writes: TransitionWrite[]): Promise<number> {
    if (writes.length === 0) return 0;
    const rows = await prepared(
      this.m(tx),
      `UPDATE application a
          SET status = u.status, version = a.version + 1, stamps = a.stamps || u.stamps, updated_at = now(),
              correction_due_at = CASE WHEN u.set_due THEN u.due ELSE a.correction_due_at END,
              formal_check = CASE WHEN u.reopen THEN ${reopenedFormalCheckSql('a.formal_check')} ELSE a.formal_check END
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::jsonb[], $5::boolean[], $6::timestamptz[], $7::boolean[])
              AS u(id, version, status, stamps, set_due, due, reopen)
        WHERE a.id = u.id AND a.version = u.version
    RETURNING a.id`,
      [
        writes.map((w) => w.applicationId),
        writes.map((w) => w.expectedVersion),
        writes.map((w) => w.to),
        writes.map((w) => JSON.stringify(w.stamps)),
        writes.map((w) => w.correctionDueAt !== undefined),
        writes.map((w) => w.correctionDueAt ?? null),
        writes.map((w) => w.reopensFormalCheck === true),
      ],
    );
    return rows.length;
  }

  /**
   * The amounts after 採択 (grant_amount, written by modules/post-award; docs/post-award.md), read for the
   * application page: 採択額, 交付申請額, 交付決定額, the 確定検査's lines and the 確定額. null: none yet.
   */
  async postAwardAmounts(applicationId: string, tx?: Transaction): Promise<Record<string, unknown> | null> {
    const [row] = await this.m(tx).query(
      `SELECT adopted_amount::float8 AS "adoptedAmount", grant_expenses AS "grantExpenses", requested_amount::float8 AS "requestedAmount",
              grant_amount::float8 AS "grantAmount", grant_decided_at AS "grantDecidedAt", actual_expenses AS "actualExpenses",
              inspection, inspected_at AS "inspectedAt", fixed_amount::float8 AS "fixedAmount", amount_fixed_at AS "amountFixedAt"
         FROM grant_amount WHERE application_id = $1`,
      [applicationId],
    );
    return row ?? null;
  }

  /** The application's decision not yet announced, or null (notifications/held-decisions.repository.ts: the one rule). */
  heldDecisionOf(applicationId: string, tx?: Transaction): Promise<HeldDecision | null> {
    return heldDecisionOf(this.m(tx), applicationId);
  }

  /** What the 概算払 paid the application so far (guard nothingPaidInAdvance). */
  async advancePaid(applicationId: string, tx?: Transaction): Promise<number> {
    const [row] = await this.m(tx).query(`SELECT ${advancePaidSql('$1')} AS paid`, [applicationId]);
    return Number(row.paid);
  }

  /** 書面審査 progress for the allReviewsSubmitted guard (review assignments only, not the 要件確認). */
  async reviewProgress(applicationId: string, tx?: Transaction): Promise<{ assigned: number; submitted: number }> {
    const [row] = await this.m(tx).query(
      `SELECT count(*)::int AS assigned, count(submitted_at)::int AS submitted FROM application_assignment WHERE application_id = $1 AND revoked_at IS NULL AND purpose = 'review'`,
      [applicationId],
    );
    return row;
  }

  /** reviewProgress of many applications in one statement, by application id (none assigned: 0 of 0). */
  async reviewProgressOf(applicationIds: string[], tx?: Transaction): Promise<Map<string, { assigned: number; submitted: number }>> {
    const rows: { id: string; assigned: number; submitted: number }[] = await this.m(tx).query(
      `SELECT application_id AS id, count(*)::int AS assigned, count(submitted_at)::int AS submitted FROM application_assignment
        WHERE application_id = ANY($1::uuid[]) AND revoked_at IS NULL AND purpose = 'review' GROUP BY application_id`,
      [applicationIds],
    );
    const progress = new Map(applicationIds.map((id) => [id, { assigned: 0, submitted: 0 }]));
    for (const r of rows) progress.set(r.id, { assigned: r.assigned, submitted: r.submitted });
    return progress;
  }

  /** Until the transaction ends, no other may change the 採択 slots of the round × category (ADOPTION_SLOTS_LOCK). */
  async lockAdoptionSlots(roundId: string, categoryId: string, tx: Transaction): Promise<void> {
    await this.m(tx).query(ADOPTION_SLOTS_LOCK, [roundId, categoryId]);
  }

  /** How many applications of a round × category are in `adoptedStates` (holding a 採択 slot), and the sum of their quoted amounts (yen). */
  async adoptedUsage(roundId: string, categoryId: string, adoptedStates: readonly string[], tx?: Transaction): Promise<{ count: number; amount: number }> {
    const [row] = await this.m(tx).query(
      `SELECT count(*)::int AS n, coalesce(sum(quoted_amount), 0)::text AS amount FROM application WHERE round_id = $1 AND category_id = $2 AND status = ANY($3)`,
      [roundId, categoryId, adoptedStates],
    );
    return { count: row.n, amount: Number(row.amount) };
  }

  /** The application's assignments, oldest first, each with its reviewer's name (not every role may read /api/users). */
  async assignmentsOf(applicationId: string, tx?: Transaction): Promise<(ApplicationAssignment & { reviewerName: string | null })[]> {
    const { entities, raw } = await this.m(tx)
      .createQueryBuilder(ApplicationAssignment, 'x')
      .leftJoin('staff_user', 'u', 'u.id = x.reviewer_id')
      .addSelect('u.name', 'reviewer_name')
      .where('x.application_id = :applicationId', { applicationId })
      .orderBy('x.assigned_at', 'ASC')
      .addOrderBy('x.id', 'ASC')
      .getRawAndEntities<{ reviewer_name: string | null }>();
    return entities.map((e, i) => Object.assign(e, { reviewerName: raw[i]?.reviewer_name ?? null }));
  }

  async dbNow(tx?: Transaction): Promise<Date> {
    const [row] = await this.m(tx).query('SELECT now() AS now');
    return row.now as Date;
  }

  private scoped(user: ApplicationScope, m: EntityManager = this.dataSource.manager): SelectQueryBuilder<Application> {
    const qb = m.getRepository(Application).createQueryBuilder('a');
    if (user.role === 'reviewer') {
      qb.andWhere('EXISTS (SELECT 1 FROM application_assignment x WHERE x.application_id = a.id AND x.reviewer_id = :reviewerId AND x.revoked_at IS NULL)', {
        reviewerId: user.id,
      });
    }
    return qb;
  }
}
