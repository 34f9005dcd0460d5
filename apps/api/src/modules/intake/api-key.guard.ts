import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import { API_KEY_AUTH } from '../../auth/access.guard';
import { AuthError } from '../../auth/auth.errors';
import { sha256 } from '../../auth/tokens';
import type { IntakeChannel } from './intake-channel.entity';
import { IntakeChannelsRepository } from './intake-channels.repository';

export type ChannelRequest = Request & { channel: IntakeChannel };

/**
 * Intake channels authenticate with `X-Api-Key`. Keys are long random strings, so their SHA-256 is
 * looked up directly (an index hit, no slow hash on the hot path of deadline-day intake).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly channels: IntakeChannelsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ChannelRequest>();
    const key = req.get('x-api-key');
    if (!key) throw new AuthError('TOKEN_INVALID', {}, 'APIキー (X-Api-Key ヘッダー) が必要です。');
    const channel = await this.channels.findByKeyHash(sha256(key));
    if (!channel || channel.revokedAt) throw new AuthError('TOKEN_INVALID', {}, 'APIキーが無効です (失効済み、または登録されていません)。');
    req.channel = channel;
    return true;
  }
}

/** Marks a route for intake channels: the API key guard instead of a staff login. */
export const ApiKeyAuth = () => applyDecorators(SetMetadata(API_KEY_AUTH, true), UseGuards(ApiKeyGuard), ApiSecurity('intake-key'));
