import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import { randomToken, sha256 } from '../../auth/tokens';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import { IntakeChannel } from './intake-channel.entity';
import { IntakeError } from './intake.errors';

export const CHANNEL_SORTABLE = ['name', 'createdAt', 'revokedAt'] as const;
export const CHANNEL_LIST: ListSpec = { sortable: CHANNEL_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: {} };

/** Intake channels and their API keys: created and revoked by administrators, the key shown once. */
@Injectable()
export class IntakeChannelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery<{ id?: string[] }>) {
    const qb = this.dataSource.getRepository(IntakeChannel).createQueryBuilder('c');
    if (query.filter.id) qb.andWhere('c.id IN (:...ids)', { ids: query.filter.id });
    return qb.orderBy(`c.${query.sortField}`, query.sortOrder).skip(query.offset).take(query.limit).getManyAndCount();
  }

  async get(id: string) {
    const channel = /^[0-9a-f-]{36}$/.test(id) ? await this.dataSource.getRepository(IntakeChannel).findOneBy({ id }) : null;
    if (!channel) throw new IntakeError('APPLICATION_NOT_FOUND', {}, '指定された受付窓口はありません。');
    return channel;
  }

  /** Creates a channel; the API key is returned this once and only its SHA-256 is kept. */
  create(actor: AuthenticatedUser, name: string) {
    const apiKey = `jmk_${randomToken(32)}`;
    return this.dataSource.transaction(async (m) => {
      const channel = await m.save(m.create(IntakeChannel, { name: name.trim(), keyPrefix: apiKey.slice(0, 10), keyHash: sha256(apiKey), createdBy: actor.id }));
      await this.audit.record({ actor, action: 'intakeChannel.created', entityType: 'intakeChannel', entityId: channel.id, changes: { name: channel.name, keyPrefix: channel.keyPrefix } }, m);
      const { keyHash: _hidden, ...shown } = channel;
      return { ...shown, apiKey };
    });
  }

  /** Revokes the key: the next request with it is refused. */
  revoke(actor: AuthenticatedUser, id: string) {
    return this.dataSource.transaction(async (m) => {
      const channel = await this.get(id);
      if (!channel.revokedAt) {
        channel.revokedAt = new Date();
        await m.update(IntakeChannel, { id }, { revokedAt: channel.revokedAt });
        await this.audit.record({ actor, action: 'intakeChannel.revoked', entityType: 'intakeChannel', entityId: id }, m);
      }
      return channel;
    });
  }
}
