import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { CategoryConfig, describeCategory, validateCategoryConfig } from '@jimukyoku/domain';
import { UnitOfWork, type Transaction } from '../../database';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import type { Category } from './category.entity';
import type { RuleSet } from './rule-set.entity';
import type { CreateCategoryDto, CreateProgramDto, CreateRuleSetDto, UpdateProgramDto, UpdateRuleSetDto } from './dto/rules.dto';
import { RulesError } from './programs.errors';
import { CategoryFilter, ProgramFilter, RuleSetFilter, RulesRepository } from './rules.repository';

export type CategoryView = Category & { programId: string; summary: ReturnType<typeof describeCategory> };

/**
 * Programmes, rule sets and categories. A rule set locked by submitted applications is read-only:
 * changes go into a new version (`newVersion`), so an application's rules never change under it.
 */
@Injectable()
export class RulesService {
  constructor(
    private readonly repo: RulesRepository,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  listPrograms(query: ListQuery<ProgramFilter>) {
    return this.repo.listPrograms(query);
  }

  async getProgram(id: string) {
    return (await this.repo.findProgram(id)) ?? notFound('PROGRAM_NOT_FOUND');
  }

  createProgram(actor: AuthenticatedUser, dto: CreateProgramDto) {
    return this.unitOfWork.run(async (tx) => {
      if (await this.repo.programCodeTaken(dto.code, tx)) throw new RulesError('CODE_TAKEN', { field: 'code' });
      const program = await this.repo.insertProgram({ ...dto, assumption: dto.assumption ?? null }, tx);
      await this.audit.record({ actor, action: 'program.created', entityType: 'program', entityId: program.id, changes: { ...dto } }, tx);
      return program;
    });
  }

  updateProgram(actor: AuthenticatedUser, id: string, dto: UpdateProgramDto) {
    return this.unitOfWork.run(async (tx) => {
      const program = (await this.repo.findProgram(id, tx)) ?? notFound('PROGRAM_NOT_FOUND');
      Object.assign(program, definedOnly(dto));
      const saved = await this.repo.save(program, tx);
      await this.audit.record({ actor, action: 'program.updated', entityType: 'program', entityId: id, changes: { ...dto } }, tx);
      return saved;
    });
  }

  listRuleSets(query: ListQuery<RuleSetFilter>) {
    return this.repo.listRuleSets(query);
  }

  async getRuleSet(id: string) {
    return (await this.repo.findRuleSet(id)) ?? notFound('RULE_SET_NOT_FOUND');
  }

  createRuleSet(actor: AuthenticatedUser, dto: CreateRuleSetDto) {
    return this.unitOfWork.run(async (tx) => {
      (await this.repo.findProgram(dto.programId, tx)) ?? notFound('PROGRAM_NOT_FOUND');
      if (await this.repo.ruleSetVersionTaken(dto.code, 1, tx)) throw new RulesError('CODE_TAKEN', { field: 'code' });
      const ruleSet = await this.repo.insertRuleSet({ ...dto, version: 1, supersedesId: null, lockedAt: null, assumption: dto.assumption ?? null }, tx);
      await this.audit.record({ actor, action: 'ruleSet.created', entityType: 'ruleSet', entityId: ruleSet.id, changes: { ...dto } }, tx);
      return ruleSet;
    });
  }

  /**
   * A PUT that changes nothing (the record sent back as stored, as react-admin saves an untouched form) answers the
   * stored record and writes nothing, no audit record either, locked or not; one that changes a locked rule set is
   * refused (RULE_SET_LOCKED).
   */
  updateRuleSet(actor: AuthenticatedUser, id: string, dto: UpdateRuleSetDto) {
    return this.unitOfWork.run(async (tx) => {
      const stored = (await this.repo.lockRuleSetRow(id, tx)) ?? notFound('RULE_SET_NOT_FOUND');
      const changes = changedFields(stored, definedOnly(dto));
      if (Object.keys(changes).length === 0) return stored;
      const ruleSet = refuseLocked(stored);
      Object.assign(ruleSet, changes);
      const saved = await this.repo.save(ruleSet, tx);
      await this.audit.record({ actor, action: 'ruleSet.updated', entityType: 'ruleSet', entityId: id, changes: { ...dto } }, tx);
      return saved;
    });
  }

  /** Copies a rule set and its categories into the next version, unlocked and ready to edit. */
  newVersion(actor: AuthenticatedUser, id: string) {
    return this.unitOfWork.run(async (tx) => {
      const source = (await this.repo.findRuleSet(id, tx)) ?? notFound('RULE_SET_NOT_FOUND');
      const version = await this.repo.nextRuleSetVersion(source.code, tx);
      const copy = await this.repo.insertRuleSet(
        {
          programId: source.programId,
          code: source.code,
          edition: source.edition,
          label: source.label,
          version,
          supersedesId: source.id,
          lockedAt: null,
          assumption: source.assumption,
        },
        tx,
      );
      const categories = await this.repo.categoriesOf(source.id, tx);
      for (const c of categories) await this.repo.insertCategory({ ruleSetId: copy.id, code: c.code, name: c.name, kind: c.kind, config: c.config }, tx);
      await this.audit.record(
        { actor, action: 'ruleSet.versioned', entityType: 'ruleSet', entityId: copy.id, changes: { from: source.id, version, categories: categories.length } },
        tx,
      );
      return copy;
    });
  }

  async listCategories(query: ListQuery<CategoryFilter>): Promise<[CategoryView[], number]> {
    const [rows, total] = await this.repo.listCategories(query);
    const programIds = await this.repo.programIdsOfRuleSets([...new Set(rows.map((r) => r.ruleSetId))]);
    return [rows.map((c) => this.categoryView(c, programIds.get(c.ruleSetId)!)), total];
  }

  async getCategory(id: string): Promise<CategoryView> {
    const c = (await this.repo.findCategory(id)) ?? notFound('CATEGORY_NOT_FOUND');
    const programIds = await this.repo.programIdsOfRuleSets([c.ruleSetId]);
    return this.categoryView(c, programIds.get(c.ruleSetId)!);
  }

  /** Answers the category as GET does, as its PUT does. */
  async createCategory(actor: AuthenticatedUser, dto: CreateCategoryDto): Promise<CategoryView> {
    const config = validConfig(dto.config);
    const created = await this.unitOfWork.run(async (tx) => {
      await this.unlockedRuleSet(dto.ruleSetId, tx);
      if ((await this.repo.categoriesOf(dto.ruleSetId, tx)).some((c) => c.code === config.code)) throw new RulesError('CODE_TAKEN', { field: 'config.code' });
      const category = await this.repo.insertCategory({ ruleSetId: dto.ruleSetId, code: config.code, name: config.name, kind: config.kind, config }, tx);
      await this.audit.record({ actor, action: 'category.created', entityType: 'category', entityId: category.id, changes: { code: config.code } }, tx);
      return category;
    });
    return this.getCategory(created.id);
  }

  /**
   * Answers the category as GET does (react-admin keeps the answer as the record). As a rule set's, a config sent back
   * as stored writes nothing, no audit record either, locked or not.
   */
  async updateCategory(actor: AuthenticatedUser, id: string, rawConfig: Record<string, unknown>): Promise<CategoryView> {
    const config = validConfig(rawConfig);
    await this.unitOfWork.run(async (tx) => {
      const category = (await this.repo.findCategory(id, tx)) ?? notFound('CATEGORY_NOT_FOUND');
      if (isDeepStrictEqual(config, category.config)) return;
      await this.unlockedRuleSet(category.ruleSetId, tx);
      if (config.code !== category.code)
        throw new RulesError('INVALID_CATEGORY_CONFIG', { errors: [{ field: 'config.code', message: 'config.code は変更できません' }] });
      const before = category.config;
      Object.assign(category, { name: config.name, kind: config.kind, config });
      await this.repo.save(category, tx);
      await this.audit.record({ actor, action: 'category.updated', entityType: 'category', entityId: id, changes: { before, after: config } }, tx);
    });
    return this.getCategory(id);
  }

  deleteCategory(actor: AuthenticatedUser, id: string) {
    return this.unitOfWork.run(async (tx) => {
      const category = (await this.repo.findCategory(id, tx)) ?? notFound('CATEGORY_NOT_FOUND');
      await this.unlockedRuleSet(category.ruleSetId, tx);
      if (await this.repo.categoryOffered(id, tx)) throw new RulesError('CATEGORY_IN_USE');
      await this.repo.deleteCategory(id, tx);
      await this.audit.record({ actor, action: 'category.deleted', entityType: 'category', entityId: id, changes: { code: category.code } }, tx);
      return category;
    });
  }

  private async unlockedRuleSet(id: string, tx: Transaction): Promise<RuleSet> {
    return refuseLocked((await this.repo.lockRuleSetRow(id, tx)) ?? notFound('RULE_SET_NOT_FOUND'));
  }

  private categoryView(c: Category, programId: string): CategoryView {
    return Object.assign(c, { programId, summary: describeCategory(c.config) });
  }
}

function notFound(code: 'PROGRAM_NOT_FOUND' | 'RULE_SET_NOT_FOUND' | 'CATEGORY_NOT_FOUND'): never {
  throw new RulesError(code);
}

/** A rule set locked by submitted applications is read-only (409, pointing at a new version); an unlocked one is returned. */
function refuseLocked(ruleSet: RuleSet): RuleSet {
  if (ruleSet.lockedAt) throw new RulesError('RULE_SET_LOCKED', { ruleSetId: ruleSet.id, newVersion: `/api/rule-sets/${ruleSet.id}/versions` });
  return ruleSet;
}

/** The fields of `update` whose value differs from `stored`'s. */
function changedFields<U extends object>(stored: object, update: U): Partial<U> {
  return Object.fromEntries(Object.entries(update).filter(([key, value]) => (stored as Record<string, unknown>)[key] !== value)) as Partial<U>;
}

function definedOnly<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A category configuration from an administrator: every problem becomes a 400 row naming its path. */
function validConfig(raw: Record<string, unknown>): CategoryConfig {
  const problems = validateCategoryConfig(raw as unknown as CategoryConfig);
  if (problems.length > 0) {
    throw new RulesError('INVALID_CATEGORY_CONFIG', { errors: problems.map((p) => ({ field: `config.${p.path}`, message: p.message })) });
  }
  return raw as unknown as CategoryConfig;
}
