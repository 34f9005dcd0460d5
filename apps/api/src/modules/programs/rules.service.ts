import { Injectable } from '@nestjs/common';
import { CategoryConfig, describeCategory, validateCategoryConfig } from '@jimukyoku/domain';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Category } from './category.entity';
import type { CreateCategoryDto, CreateProgramDto, CreateRuleSetDto, UpdateProgramDto, UpdateRuleSetDto } from './dto/rules.dto';
import { Program } from './program.entity';
import { RulesError } from './programs.errors';
import { CategoryFilter, ProgramFilter, RuleSetFilter, RulesRepository } from './rules.repository';
import { RuleSet } from './rule-set.entity';

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
  ) {}

  listPrograms(query: ListQuery<ProgramFilter>) {
    return this.repo.listPrograms(query);
  }

  async getProgram(id: string) {
    return (await this.repo.findProgram(id)) ?? notFound('PROGRAM_NOT_FOUND');
  }

  createProgram(actor: AuthenticatedUser, dto: CreateProgramDto) {
    return this.repo.transaction(async (m) => {
      if (await this.repo.programCodeTaken(dto.code, m)) throw new RulesError('CODE_TAKEN', { field: 'code' });
      const program = await m.save(m.create(Program, { ...dto, assumption: dto.assumption ?? null }));
      await this.audit.record({ actor, action: 'program.created', entityType: 'program', entityId: program.id, changes: { ...dto } }, m);
      return program;
    });
  }

  updateProgram(actor: AuthenticatedUser, id: string, dto: UpdateProgramDto) {
    return this.repo.transaction(async (m) => {
      const program = (await this.repo.findProgram(id, m)) ?? notFound('PROGRAM_NOT_FOUND');
      Object.assign(program, definedOnly(dto));
      const saved = await m.save(program);
      await this.audit.record({ actor, action: 'program.updated', entityType: 'program', entityId: id, changes: { ...dto } }, m);
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
    return this.repo.transaction(async (m) => {
      (await this.repo.findProgram(dto.programId, m)) ?? notFound('PROGRAM_NOT_FOUND');
      if (await this.repo.ruleSetVersionTaken(dto.code, 1, m)) throw new RulesError('CODE_TAKEN', { field: 'code' });
      const ruleSet = await m.save(m.create(RuleSet, { ...dto, version: 1, supersedesId: null, lockedAt: null, assumption: dto.assumption ?? null }));
      await this.audit.record({ actor, action: 'ruleSet.created', entityType: 'ruleSet', entityId: ruleSet.id, changes: { ...dto } }, m);
      return ruleSet;
    });
  }

  updateRuleSet(actor: AuthenticatedUser, id: string, dto: UpdateRuleSetDto) {
    return this.repo.transaction(async (m) => {
      const ruleSet = await this.unlockedRuleSet(id, m);
      Object.assign(ruleSet, definedOnly(dto));
      const saved = await m.save(ruleSet);
      await this.audit.record({ actor, action: 'ruleSet.updated', entityType: 'ruleSet', entityId: id, changes: { ...dto } }, m);
      return saved;
    });
  }

  /** Copies a rule set and its categories into the next version, unlocked and ready to edit. */
  newVersion(actor: AuthenticatedUser, id: string) {
    return this.repo.transaction(async (m) => {
      const source = (await this.repo.findRuleSet(id, m)) ?? notFound('RULE_SET_NOT_FOUND');
      const version = await this.repo.nextRuleSetVersion(source.code, m);
      const copy = await m.save(
        m.create(RuleSet, { programId: source.programId, code: source.code, edition: source.edition, label: source.label, version, supersedesId: source.id, lockedAt: null, assumption: source.assumption }),
      );
      const categories = await this.repo.categoriesOf(source.id, m);
      for (const c of categories) await m.save(m.create(Category, { ruleSetId: copy.id, code: c.code, name: c.name, kind: c.kind, config: c.config }));
      await this.audit.record({ actor, action: 'ruleSet.versioned', entityType: 'ruleSet', entityId: copy.id, changes: { from: source.id, version, categories: categories.length } }, m);
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

  createCategory(actor: AuthenticatedUser, dto: CreateCategoryDto) {
    const config = validConfig(dto.config);
    return this.repo.transaction(async (m) => {
      await this.unlockedRuleSet(dto.ruleSetId, m);
      if ((await this.repo.categoriesOf(dto.ruleSetId, m)).some((c) => c.code === config.code)) throw new RulesError('CODE_TAKEN', { field: 'config.code' });
      const category = await m.save(m.create(Category, { ruleSetId: dto.ruleSetId, code: config.code, name: config.name, kind: config.kind, config }));
      await this.audit.record({ actor, action: 'category.created', entityType: 'category', entityId: category.id, changes: { code: config.code } }, m);
      return category;
    });
  }

  updateCategory(actor: AuthenticatedUser, id: string, rawConfig: Record<string, unknown>) {
    const config = validConfig(rawConfig);
    return this.repo.transaction(async (m) => {
      const category = (await this.repo.findCategory(id, m)) ?? notFound('CATEGORY_NOT_FOUND');
      await this.unlockedRuleSet(category.ruleSetId, m);
      if (config.code !== category.code) throw new RulesError('INVALID_CATEGORY_CONFIG', { errors: [{ field: 'config.code', message: 'config.code は変更できません' }] });
      const before = category.config;
      Object.assign(category, { name: config.name, kind: config.kind, config });
      const saved = await m.save(category);
      await this.audit.record({ actor, action: 'category.updated', entityType: 'category', entityId: id, changes: { before, after: config } }, m);
      return saved;
    });
  }

  deleteCategory(actor: AuthenticatedUser, id: string) {
    return this.repo.transaction(async (m) => {
      const category = (await this.repo.findCategory(id, m)) ?? notFound('CATEGORY_NOT_FOUND');
      await this.unlockedRuleSet(category.ruleSetId, m);
      if (await this.repo.categoryOffered(id, m)) throw new RulesError('CATEGORY_IN_USE');
      await m.delete(Category, { id });
      await this.audit.record({ actor, action: 'category.deleted', entityType: 'category', entityId: id, changes: { code: category.code } }, m);
      return category;
    });
  }

  private async unlockedRuleSet(id: string, m: EntityManager): Promise<RuleSet> {
    const ruleSet = (await this.repo.lockRuleSetRow(id, m)) ?? notFound('RULE_SET_NOT_FOUND');
    if (ruleSet.lockedAt) throw new RulesError('RULE_SET_LOCKED', { ruleSetId: id, newVersion: `/api/rule-sets/${id}/versions` });
    return ruleSet;
  }

  private categoryView(c: Category, programId: string): CategoryView {
    return Object.assign(c, { programId, summary: describeCategory(c.config) });
  }
}

function notFound(code: 'PROGRAM_NOT_FOUND' | 'RULE_SET_NOT_FOUND' | 'CATEGORY_NOT_FOUND'): never {
  throw new RulesError(code);
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
