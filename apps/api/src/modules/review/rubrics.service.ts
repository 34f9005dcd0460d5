import { defaultRubric, maxWeightedTotal, validateRubric, type Rubric } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Category } from '../programs/category.entity';
import { Program } from '../programs/program.entity';
import { RoundCategory } from '../rounds/round-category.entity';
import { Round } from '../rounds/round.entity';
import type { UpdateRubricDto } from './dto/rubric.dto';
import { ReviewError } from './review.errors';
import { ReviewRubric } from './review-rubric.entity';

export interface RubricFilter {
  id?: string[];
  roundId?: string;
  categoryId?: string;
}

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The rubric of a round × category, created from the programme's default when missing. */
  async ensure(m: EntityManager, roundId: string, categoryId: string): Promise<ReviewRubric> {
    const existing = await m.findOneBy(ReviewRubric, { roundId, categoryId });
    if (existing) return existing;
    const round = await m.findOneBy(Round, { id: roundId });
    if (!round) throw new ReviewError('ROUND_NOT_FOUND');
    if (!(await m.existsBy(RoundCategory, { roundId, categoryId }))) throw new ReviewError('CATEGORY_NOT_OFFERED');
    const program = await m.findOneByOrFail(Program, { id: round.programId });
    const rubric: Rubric = defaultRubric(program.code);
    await m.query(
      `INSERT INTO review_rubric (round_id, category_id, criteria, bonus_items) VALUES ($1, $2, $3, $4) ON CONFLICT (round_id, category_id) DO NOTHING`,
      [roundId, categoryId, JSON.stringify(rubric.criteria), JSON.stringify(rubric.bonusItems)],
    );
    return m.findOneByOrFail(ReviewRubric, { roundId, categoryId });
  }

  async ensureForRound(m: EntityManager, roundId: string): Promise<void> {
    const offered = await m.findBy(RoundCategory, { roundId });
    for (const o of offered) await this.ensure(m, roundId, o.categoryId);
  }

  async list(query: ListQuery<RubricFilter>) {
    const f = query.filter;
    if (f.roundId !== undefined && !isUuid(f.roundId)) return [[], 0] as const;
    if (f.roundId) await this.ensureForRound(this.dataSource.manager, f.roundId);
    const qb = this.dataSource.getRepository(ReviewRubric).createQueryBuilder('r');
    if (f.id) qb.andWhere('r.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.roundId) qb.andWhere('r.round_id = :roundId', { roundId: f.roundId });
    if (isUuid(f.categoryId)) qb.andWhere('r.category_id = :categoryId', { categoryId: f.categoryId });
    const [rows, total] = await qb.orderBy(`r.${query.sortField}`, query.sortOrder).addOrderBy('r.id').skip(query.offset).take(query.limit).getManyAndCount();
    const categories = await this.categoriesOf(rows);
    return [rows.map((r) => rubricView(r, categories.get(r.categoryId))), total] as const;
  }

  async get(id: string) {
    const r = isUuid(id) ? await this.dataSource.manager.findOneBy(ReviewRubric, { id }) : null;
    if (!r) throw new ReviewError('RUBRIC_NOT_FOUND');
    return rubricView(r, (await this.categoriesOf([r])).get(r.categoryId));
  }

  async update(id: string, dto: UpdateRubricDto, actor: AuthenticatedUser) {
    return this.dataSource.transaction(async (m) => {
      const r = isUuid(id) ? await m.findOne(ReviewRubric, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!r) throw new ReviewError('RUBRIC_NOT_FOUND');
      const changesRubric = dto.criteria !== undefined || dto.bonusItems !== undefined;
      const next = { criteria: dto.criteria ?? r.criteria, bonusItems: dto.bonusItems ?? r.bonusItems };
      if (changesRubric && r.frozenAt && scoringShape(next) !== scoringShape(r)) {
        throw new ReviewError('RUBRIC_FROZEN', { frozenAt: r.frozenAt });
      }
      const problems = validateRubric(next);
      if (problems.length) throw new ReviewError('INVALID_RUBRIC', { errors: problems });
      const before = { ...r };
      Object.assign(r, {
        ...next,
        reviewersPerApplication: dto.reviewersPerApplication ?? r.reviewersPerApplication,
        reviewDays: dto.reviewDays ?? r.reviewDays,
        normalise: dto.normalise ?? r.normalise,
        disagreementThreshold: dto.disagreementThreshold === undefined ? r.disagreementThreshold : dto.disagreementThreshold,
        extraReviewerOnDisagreement: dto.extraReviewerOnDisagreement ?? r.extraReviewerOnDisagreement,
        version: r.version + 1,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
      await m.save(r);
      const changed = Object.fromEntries(
        (['criteria', 'bonusItems', 'reviewersPerApplication', 'reviewDays', 'normalise', 'disagreementThreshold', 'extraReviewerOnDisagreement'] as const)
          .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(r[k]))
          .map((k) => [k, { from: before[k], to: r[k] }]),
      );
      await this.audit.record({ actor, action: 'reviewRubric.update', entityType: 'reviewRubric', entityId: r.id, changes: { version: r.version, ...changed } }, m);
      return rubricView(r, (await this.categoriesOf([r], m)).get(r.categoryId));
    });
  }

  /** The first saved score freezes the criteria: every reviewer scores against the same rubric. */
  async freeze(m: EntityManager, rubricId: string): Promise<void> {
    await m.query(`UPDATE review_rubric SET frozen_at = now() WHERE id = $1 AND frozen_at IS NULL`, [rubricId]);
  }

  private async categoriesOf(rows: ReviewRubric[], m: EntityManager = this.dataSource.manager): Promise<Map<string, Category>> {
    const ids = [...new Set(rows.map((r) => r.categoryId))];
    if (ids.length === 0) return new Map();
    const cats = await m.getRepository(Category).createQueryBuilder('c').where('c.id IN (:...ids)', { ids }).getMany();
    return new Map(cats.map((c) => [c.id, c]));
  }
}
