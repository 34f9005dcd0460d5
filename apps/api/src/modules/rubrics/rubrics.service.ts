import { defaultRubric, maxWeightedTotal, validateRubric, type Rubric } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { UnitOfWork, type Transaction } from '../../database';
import { AuditService } from '../audit/audit.service';
import type { Category } from '../programs/category.entity';
import { RulesRepository } from '../programs/rules.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import type { UpdateRubricDto } from './dto/rubric.dto';
import type { ReviewRubric } from './review-rubric.entity';
import { RubricError } from './rubrics.errors';
import { RubricsRepository, type RubricFilter } from './rubrics.repository';

export type { RubricFilter } from './rubrics.repository';

export const RUBRIC_SORTABLE = ['createdAt', 'updatedAt'] as const;
export const RUBRIC_LIST: ListSpec = { sortable: RUBRIC_SORTABLE, defaultSort: ['createdAt', 'ASC'], filters: { roundId: 'uuid', categoryId: 'uuid' } };

/**
 * What scoring depends on, for the freeze: a form that sends the frozen criteria back unchanged (key
 * order, an empty description) is not a change.
 */
function scoringShape(r: Pick<Rubric, 'criteria' | 'bonusItems'>): string {
  if (!Array.isArray(r.criteria) || !Array.isArray(r.bonusItems)) return JSON.stringify(r);
  return JSON.stringify([
    r.criteria.map((c) => [c?.code, c?.label, c?.maxScore, c?.weight, c?.description || null]),
    r.bonusItems.map((b) => [b?.code, b?.label, b?.points, b?.description || null]),
  ]);
}

/** What the admin shows of a rubric. */
export function rubricView(r: ReviewRubric, category?: Pick<Category, 'code' | 'name'>) {
  return {
    ...r,
    categoryCode: category?.code ?? null,
    categoryName: category?.name ?? null,
    frozen: r.frozenAt !== null,
    maxTotal: maxWeightedTotal({ criteria: r.criteria, bonusItems: r.bonusItems }),
  };
}

/**
 * 審査基準 per round × category. Each offered category gets its programme's default rubric the first
 * time it is needed; a manager edits it until the first score is saved, then criteria and 加点項目 are
 * frozen (the review settings — N reviewers, due days, normalisation, disagreement — stay editable).
 */
@Injectable()
export class RubricsService {
  constructor(
    private readonly rubrics: RubricsRepository,
    private readonly rounds: RoundsRepository,
    private readonly rules: RulesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** The rubric of a round × category, created from the programme's default when missing. */
  async ensure(roundId: string, categoryId: string, tx?: Transaction): Promise<ReviewRubric> {
    const existing = await this.rubrics.findOf(roundId, categoryId, tx);
    if (existing) return existing;
    const round = await this.rounds.find(roundId, tx);
    if (!round) throw new RubricError('ROUND_NOT_FOUND');
    if (!(await this.offeredCategories(roundId, tx)).some((o) => o.categoryId === categoryId)) throw new RubricError('CATEGORY_NOT_OFFERED');
    const program = (await this.rules.findProgram(round.programId, tx))!;
    const rubric: Rubric = defaultRubric(program.code);
    return this.rubrics.insertIfMissing(roundId, categoryId, rubric, tx);
  }

  async ensureForRound(roundId: string, tx?: Transaction): Promise<void> {
    const offered = await this.offeredCategories(roundId, tx);
    for (const o of offered) await this.ensure(roundId, o.categoryId, tx);
  }

  async list(query: ListQuery<RubricFilter>) {
    const f = query.filter;
    if (f.roundId !== undefined && !isUuid(f.roundId)) return [[], 0] as const;
    if (f.roundId) await this.ensureForRound(f.roundId);
    const [rows, total] = await this.rubrics.list(query);
    const categories = await this.categoriesOf(rows);
    return [rows.map((r) => rubricView(r, categories.get(r.categoryId))), total] as const;
  }

  async get(id: string) {
    const r = await this.rubrics.findById(id);
    if (!r) throw new RubricError('RUBRIC_NOT_FOUND');
    return rubricView(r, (await this.categoriesOf([r])).get(r.categoryId));
  }

  async update(id: string, dto: UpdateRubricDto, actor: AuthenticatedUser) {
    const saved = await this.uow.run(async (tx) => {
      const r = await this.rubrics.lock(id, tx);
      if (!r) throw new RubricError('RUBRIC_NOT_FOUND');
      const changesRubric = dto.criteria !== undefined || dto.bonusItems !== undefined;
      const next = { criteria: dto.criteria ?? r.criteria, bonusItems: dto.bonusItems ?? r.bonusItems };
      if (changesRubric && r.frozenAt && scoringShape(next) !== scoringShape(r)) {
        throw new RubricError('RUBRIC_FROZEN', { frozenAt: r.frozenAt });
      }
      const problems = validateRubric(next);
      if (problems.length) throw new RubricError('INVALID_RUBRIC', { errors: problems });
      const wanted = {
        ...next,
        reviewersPerApplication: dto.reviewersPerApplication ?? r.reviewersPerApplication,
        reviewDays: dto.reviewDays ?? r.reviewDays,
        normalise: dto.normalise ?? r.normalise,
        disagreementThreshold: dto.disagreementThreshold === undefined ? r.disagreementThreshold : dto.disagreementThreshold,
        extraReviewerOnDisagreement: dto.extraReviewerOnDisagreement ?? r.extraReviewerOnDisagreement,
      };
      const changed = Object.fromEntries(
        (Object.keys(wanted) as (keyof typeof wanted)[])
          .filter((k) => JSON.stringify(wanted[k]) !== JSON.stringify(r[k]))
          .map((k) => [k, { from: r[k], to: wanted[k] }]),
      );
      // the rubric sent back as it was read (react-admin's save sends it whole): no new version, which would also
      // throw away every cached ranking of it, and no record
      if (Object.keys(changed).length === 0) return r;
      Object.assign(r, { ...wanted, version: r.version + 1, updatedBy: actor.id, updatedAt: new Date() });
      await this.rubrics.save(r, tx);
      await this.audit.record(
        { actor, action: 'reviewRubric.update', entityType: 'reviewRubric', entityId: r.id, changes: { version: r.version, ...changed } },
        tx,
      );
      return r;
    });
    return rubricView(saved, (await this.categoriesOf([saved])).get(saved.categoryId));
  }

  /** The rubric as it stands, locked until the transaction ends (a score about to freeze it). */
  async lockUnfrozen(rubricId: string, tx: Transaction): Promise<ReviewRubric> {
    return (await this.rubrics.lock(rubricId, tx))!;
  }

  /** The first saved score freezes the criteria: every reviewer scores against the same rubric. */
  freeze(rubricId: string, tx: Transaction): Promise<void> {
    return this.rubrics.freeze(rubricId, tx);
  }

  private async offeredCategories(roundId: string, tx?: Transaction) {
    return (await this.rounds.categoriesOf([roundId], tx)).get(roundId)!;
  }

  /** The categories of `rows`, by id (their code and name are shown with each rubric). */
  private async categoriesOf(rows: ReviewRubric[]): Promise<Map<string, Category>> {
    const ids = [...new Set(rows.map((r) => r.categoryId))];
    if (ids.length === 0) return new Map();
    const [categories] = await this.rules.listCategories({ filter: { id: ids }, sortField: 'code', sortOrder: 'ASC', offset: 0, limit: ids.length });
    return new Map(categories.map((c) => [c.id, c]));
  }
}
