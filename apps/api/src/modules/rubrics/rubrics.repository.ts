import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { ReviewRubric } from './review-rubric.entity';

export interface RubricFilter {
  id?: string[];
  roundId?: string;
  categoryId?: string;
}

/** All SQL of review_rubric (this module's table). */
@Injectable()
export class RubricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOf(roundId: string, categoryId: string, tx?: Transaction): Promise<ReviewRubric | null> {
    return managerOf(tx, this.dataSource).findOneBy(ReviewRubric, { roundId, categoryId });
  }

  findById(id: string, tx?: Transaction): Promise<ReviewRubric | null> {
    return isUuid(id) ? managerOf(tx, this.dataSource).findOneBy(ReviewRubric, { id }) : Promise.resolve(null);
  }

  /** The rubric, locked for this transaction. */
  lock(id: string, tx: Transaction): Promise<ReviewRubric | null> {
    return isUuid(id) ? managerOf(tx, this.dataSource).findOne(ReviewRubric, { where: { id }, lock: { mode: 'pessimistic_write' } }) : Promise.resolve(null);
  }

  /** The round × category's default rubric, unless another request created it first. */
  async insertIfMissing(roundId: string, categoryId: string, rubric: Pick<ReviewRubric, 'criteria' | 'bonusItems'>, tx?: Transaction): Promise<ReviewRubric> {
    const m = managerOf(tx, this.dataSource);
    await m.query(
      `INSERT INTO review_rubric (round_id, category_id, criteria, bonus_items) VALUES ($1, $2, $3, $4) ON CONFLICT (round_id, category_id) DO NOTHING`,
      [roundId, categoryId, JSON.stringify(rubric.criteria), JSON.stringify(rubric.bonusItems)],
    );
    return m.findOneByOrFail(ReviewRubric, { roundId, categoryId });
  }

  list(query: ListQuery<RubricFilter>): Promise<[ReviewRubric[], number]> {
    const f = query.filter;
    const qb = this.dataSource.getRepository(ReviewRubric).createQueryBuilder('r');
    if (f.id) qb.andWhere('r.id IN (:...ids)', { ids: f.id.filter(isUuid) });
    if (f.roundId) qb.andWhere('r.round_id = :roundId', { roundId: f.roundId });
    if (isUuid(f.categoryId)) qb.andWhere('r.category_id = :categoryId', { categoryId: f.categoryId });
    return entityPage(qb, { order: { column: `r.${query.sortField}`, direction: query.sortOrder }, tieBreak: 'r.id', ...query });
  }

  save(rubric: ReviewRubric, tx: Transaction): Promise<ReviewRubric> {
    return managerOf(tx, this.dataSource).save(rubric);
  }

  /** The first saved score freezes the criteria. */
  async freeze(rubricId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(`UPDATE review_rubric SET frozen_at = now() WHERE id = $1 AND frozen_at IS NULL`, [rubricId]);
  }
}
