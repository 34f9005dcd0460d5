import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../auth/roles';
import { randomToken, sha256 } from '../../auth/tokens';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { UnitOfWork } from '../../database';
import { AuditService } from '../audit/audit.service';
import { IntakeChannelsRepository } from './intake-channels.repository';
import { IntakeError } from './intake.errors';

export const CHANNEL_SORTABLE = ['name', 'createdAt', 'revokedAt'] as const;
export const CHANNEL_LIST: ListSpec = { sortable: CHANNEL_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: {} };

/** Intake channels and their API keys: created and revoked by administrators, the key shown once. */
@Injectable()
export class IntakeChannelsService {
  constructor(
    private readonly channels: IntakeChannelsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery<{ id?: string[] }>) {
    return this.channels.list(query);
  }

  async get(id: string) {
    const channel = await this.channels.find(id);
    if (!channel) throw new IntakeError('CHANNEL_NOT_FOUND');
    return channel;
  }

  /** Creates a channel; the API key is returned this once and only its SHA-256 is kept. */
  create(actor: AuthenticatedUser, name: string) {
    const apiKey = `jmk_${randomToken(32)}`;
    return this.unitOfWork.run(async (tx) => {
      const channel = await this.channels.insert({ name: name.trim(), keyPrefix: apiKey.slice(0, 10), keyHash: sha256(apiKey), createdBy: actor.id }, tx);
      await this.audit.record(
        {
          actor,
          action: 'intakeChannel.created',
          entityType: 'intakeChannel',
          entityId: channel.id,
          changes: { name: channel.name, keyPrefix: channel.keyPrefix },
        },
        tx,
      );
      const { keyHash: _hidden, ...shown } = channel;
      return { ...shown, apiKey };
    });
  }

  /** Revokes the key: the next request with it is refused. */
  revoke(actor: AuthenticatedUser, id: string) {
    return this.unitOfWork.run(async (tx) => {
      const channel = await this.get(id);
      if (!channel.revokedAt) {
        channel.revokedAt = new Date();
        await this.channels.revoke(id, channel.revokedAt, tx);
        await this.audit.record({ actor, action: 'intakeChannel.revoked', entityType: 'intakeChannel', entityId: id }, tx);
      }
      return channel;
    });
  }
}
