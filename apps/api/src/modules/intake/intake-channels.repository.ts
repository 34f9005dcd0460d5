import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { columnsOf, hydrate, prepared } from '../../database/entity-rows';
import { IntakeChannel } from './intake-channel.entity';

/** The intake channels and their API keys (only the key's SHA-256 is stored). */
@Injectable()
export class IntakeChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  list(query: ListQuery<{ id?: string[] }>) {
    const qb = this.dataSource.getRepository(IntakeChannel).createQueryBuilder('c');
    if (query.filter.id) qb.andWhere('c.id IN (:...ids)', { ids: query.filter.id });
    return entityPage(qb, { order: { column: `c.${query.sortField}`, direction: query.sortOrder }, tieBreak: 'c.id', ...query });
  }

  find(id: string, tx?: Transaction): Promise<IntakeChannel | null> {
    return isUuid(id) ? this.m(tx).getRepository(IntakeChannel).findOneBy({ id }) : Promise.resolve(null);
  }

  /** The channel an API key belongs to (looked up by the key's SHA-256: an index hit). */
  async findByKeyHash(keyHash: string): Promise<IntakeChannel | null> {
    const m = this.dataSource.manager;
    const [row] = await prepared(m, `SELECT ${columnsOf(m, IntakeChannel)} FROM intake_channel WHERE key_hash = $1`, [keyHash]);
    return row ? hydrate(m, IntakeChannel, row) : null;
  }

  insert(fields: Pick<IntakeChannel, 'name' | 'keyPrefix' | 'keyHash' | 'createdBy'>, tx: Transaction): Promise<IntakeChannel> {
    const m = this.m(tx);
    return m.save(m.create(IntakeChannel, fields));
  }

  async revoke(id: string, revokedAt: Date, tx: Transaction): Promise<void> {
    await this.m(tx).update(IntakeChannel, { id }, { revokedAt });
  }
}
