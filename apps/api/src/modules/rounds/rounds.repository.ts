import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { RoundCategory } from './round-category.entity';
import { Round } from './round.entity';

export interface RoundFilter {
  id?: string[];
  programId?: string;
  ruleSetId?: string;
  status?: 'upcoming' | 'open' | 'closed';
  q?: string;
}

export const ROUND_SORTABLE = ['code', 'number', 'name', 'opensAt', 'closesAt', 'createdAt'] as const;
export const ROUND_LIST: ListSpec = { sortable: ROUND_SORTABLE, defaultSort: ['closesAt', 'DESC'], filters: { programId: 'uuid', ruleSetId: 'uuid', status: { enum: ['upcoming', 'open', 'closed'] }, q: 'string' } };

@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
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
    if (f.q) qb.andWhere(new Brackets((w) => w.where('r.name ILIKE :q', { q: `%${f.q}%` }).orWhere('r.code ILIKE :q')));
    return qb.orderBy(`r.${query.sortField}`, query.sortOrder).addOrderBy('r.id').skip(query.offset).take(query.limit).getManyAndCount();
  }

  find(id: string, m: EntityManager = this.dataSource.manager) {
    return isUuid(id) ? m.findOneBy(Round, { id }) : Promise.resolve(null);
  }

  async categoriesOf(roundIds: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, RoundCategory[]>> {
    const rows = roundIds.length ? await m.getRepository(RoundCategory).createQueryBuilder('rc').where('rc.round_id IN (:...ids)', { ids: roundIds }).getMany() : [];
    const byRound = new Map<string, RoundCategory[]>(roundIds.map((id) => [id, []]));
    for (const row of rows) byRound.get(row.roundId)!.push(row);
    return byRound;
  }

  async replaceCategories(roundId: string, rows: Omit<RoundCategory, 'roundId'>[], m: EntityManager) {
    await m.delete(RoundCategory, { roundId });
    if (rows.length) await m.insert(RoundCategory, rows.map((r) => ({ ...r, roundId })));
  }

  numberTaken(programId: string, number: number, m: EntityManager) {
    return m.existsBy(Round, { programId, number });
  }

  codeTaken(code: string, m: EntityManager) {
    return m.existsBy(Round, { code });
  }

  async dbNow(m: EntityManager = this.dataSource.manager): Promise<Date> {
    const [row] = await m.query('SELECT now() AS now');
    return row.now as Date;
  }
}
