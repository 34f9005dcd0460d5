import type { ProgramKind } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { containing } from '../../database/like-pattern';
import { Category } from './category.entity';
import { Program } from './program.entity';
import { RuleSet } from './rule-set.entity';

export interface ProgramFilter {
  id?: string[];
  q?: string;
  kind?: string;
}
export interface RuleSetFilter {
  id?: string[];
  programId?: string;
  q?: string;
}
export interface CategoryFilter {
  id?: string[];
  ruleSetId?: string;
  programId?: string;
  q?: string;
  kind?: string;
}

export const PROGRAM_SORTABLE = ['code', 'name', 'kind', 'createdAt'] as const;
/** What a programme or a 類型 is: the values their kind filter takes (another is a 400, not an empty list). */
const PROGRAM_KINDS = ['subsidy', 'benefit', 'contract'] as const satisfies readonly ProgramKind[];
export const PROGRAM_LIST: ListSpec = { sortable: PROGRAM_SORTABLE, defaultSort: ['code', 'ASC'], filters: { q: 'string', kind: { enum: PROGRAM_KINDS } } };
export const RULE_SET_SORTABLE = ['code', 'edition', 'label', 'version', 'createdAt'] as const;
export const RULE_SET_LIST: ListSpec = { sortable: RULE_SET_SORTABLE, defaultSort: ['code', 'ASC'], filters: { programId: 'uuid', q: 'string' } };
export const CATEGORY_SORTABLE = ['code', 'name', 'kind', 'createdAt'] as const;
export const CATEGORY_LIST: ListSpec = {
  sortable: CATEGORY_SORTABLE,
  defaultSort: ['code', 'ASC'],
  filters: { ruleSetId: 'uuid', programId: 'uuid', q: 'string', kind: { enum: PROGRAM_KINDS } },
};

function page<T extends object>(qb: SelectQueryBuilder<T>, alias: string, query: ListQuery<unknown>) {
  return entityPage(qb, { order: { column: `${alias}.${query.sortField}`, direction: query.sortOrder }, tieBreak: `${alias}.id`, ...query });
}

/** All SQL of programmes, rule sets and categories. */
@Injectable()
export class RulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  insertProgram(fields: Omit<Program, 'id' | 'createdAt' | 'updatedAt'>, tx: Transaction): Promise<Program> {
    const m = this.m(tx);
    return m.save(m.create(Program, fields));
  }

  insertRuleSet(fields: Omit<RuleSet, 'id' | 'createdAt' | 'updatedAt'>, tx: Transaction): Promise<RuleSet> {
    const m = this.m(tx);
    return m.save(m.create(RuleSet, fields));
  }

  insertCategory(fields: Pick<Category, 'ruleSetId' | 'code' | 'name' | 'kind' | 'config'>, tx: Transaction): Promise<Category> {
    const m = this.m(tx);
    return m.save(m.create(Category, fields));
  }

  /** Saves a changed programme, rule set or category (loaded through this repository). */
  save<T extends Program | RuleSet | Category>(row: T, tx: Transaction): Promise<T> {
    return this.m(tx).save(row);
  }

  async deleteCategory(id: string, tx: Transaction): Promise<void> {
    await this.m(tx).delete(Category, { id });
  }

  /** Applications submitted under a rule set lock it: its rules never change under them (the rule set of round `roundId`). */
  async lockRuleSetOfRound(roundId: string, tx: Transaction): Promise<void> {
    await this.m(tx).query(`UPDATE rule_set SET locked_at = now() WHERE id = (SELECT rule_set_id FROM round WHERE id = $1) AND locked_at IS NULL`, [roundId]);
  }

  listPrograms(query: ListQuery<ProgramFilter>) {
    const qb = this.dataSource.getRepository(Program).createQueryBuilder('p');
    const f = query.filter;
    if (f.id) qb.andWhere('p.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.kind) qb.andWhere('p.kind = :kind', { kind: f.kind });
    if (f.q) qb.andWhere(new Brackets((w) => w.where('p.name ILIKE :q', { q: containing(f.q!) }).orWhere('p.code ILIKE :q')));
    return page(qb, 'p', query);
  }

  listRuleSets(query: ListQuery<RuleSetFilter>) {
    const qb = this.dataSource.getRepository(RuleSet).createQueryBuilder('r');
    const f = query.filter;
    if (f.id) qb.andWhere('r.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.programId && isUuid(f.programId)) qb.andWhere('r.program_id = :programId', { programId: f.programId });
    if (f.q) qb.andWhere(new Brackets((w) => w.where('r.label ILIKE :q', { q: containing(f.q!) }).orWhere('r.code ILIKE :q')));
    return page(qb, 'r', query);
  }

  listCategories(query: ListQuery<CategoryFilter>) {
    const qb = this.dataSource.getRepository(Category).createQueryBuilder('c');
    const f = query.filter;
    if (f.id) qb.andWhere('c.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.ruleSetId && isUuid(f.ruleSetId)) qb.andWhere('c.rule_set_id = :ruleSetId', { ruleSetId: f.ruleSetId });
    if (f.programId && isUuid(f.programId)) qb.andWhere('c.rule_set_id IN (SELECT id FROM rule_set WHERE program_id = :programId)', { programId: f.programId });
    if (f.kind) qb.andWhere('c.kind = :kind', { kind: f.kind });
    if (f.q) qb.andWhere(new Brackets((w) => w.where('c.name ILIKE :q', { q: containing(f.q!) }).orWhere('c.code ILIKE :q')));
    return page(qb, 'c', query);
  }

  findProgram(id: string, tx?: Transaction) {
    return isUuid(id) ? this.m(tx).findOneBy(Program, { id }) : Promise.resolve(null);
  }

  findRuleSet(id: string, tx?: Transaction) {
    return isUuid(id) ? this.m(tx).findOneBy(RuleSet, { id }) : Promise.resolve(null);
  }

  /** The rule set row locked FOR UPDATE, so a lock check and the edit it guards cannot interleave. */
  lockRuleSetRow(id: string, tx: Transaction) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.m(tx).getRepository(RuleSet).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  findCategory(id: string, tx?: Transaction) {
    return isUuid(id) ? this.m(tx).findOneBy(Category, { id }) : Promise.resolve(null);
  }

  categoriesOf(ruleSetId: string, tx?: Transaction) {
    return this.m(tx).find(Category, { where: { ruleSetId }, order: { code: 'ASC' } });
  }

  /** programmeId of each rule set, for the categories list (categories carry programId in the API). */
  async programIdsOfRuleSets(ruleSetIds: string[]): Promise<Map<string, string>> {
    if (ruleSetIds.length === 0) return new Map();
    const rows: { id: string; program_id: string }[] = await this.dataSource.query(`SELECT id, program_id FROM rule_set WHERE id = ANY($1::uuid[])`, [
      ruleSetIds,
    ]);
    return new Map(rows.map((r) => [r.id, r.program_id]));
  }

  async programCodeTaken(code: string, tx: Transaction) {
    return this.m(tx).existsBy(Program, { code });
  }

  async ruleSetVersionTaken(code: string, version: number, tx: Transaction) {
    return this.m(tx).existsBy(RuleSet, { code, version });
  }

  async nextRuleSetVersion(code: string, tx: Transaction): Promise<number> {
    const [row] = await this.m(tx).query(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM rule_set WHERE code = $1`, [code]);
    return Number(row.next);
  }

  async categoryOffered(categoryId: string, tx: Transaction) {
    const [row] = await this.m(tx).query(`SELECT EXISTS (SELECT 1 FROM round_category WHERE category_id = $1) AS used`, [categoryId]);
    return row.used as boolean;
  }
}
