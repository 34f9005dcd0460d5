import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../common/public.decorator';
import { REDIS } from '../redis';
import { HEARTBEAT_KEY } from '../worker/heartbeat.job';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redisIndicator: RedisHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness of the API and its services (PostgreSQL, Redis)' })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1_500 }), () => this.redisIndicator.isHealthy('redis')]);
  }

  @Get('worker')
  @Public()
  @ApiOperation({ summary: 'Whether a queue worker reported a heartbeat in the last minute' })
  @ApiOkResponse({ schema: { example: { status: 'up', lastSeenAt: '2026-01-01T00:00:00.000Z' } } })
  @ApiServiceUnavailableResponse({ description: 'No worker heartbeat in the last minute' })
  async worker() {
    const lastSeenAt = await this.redis.get(HEARTBEAT_KEY);
    if (!lastSeenAt) throw new ServiceUnavailableException({ code: 'WORKER_DOWN', message: 'キューワーカーが応答していません。`npm run worker` が動いているか確認してください。' });
    return { status: 'up', lastSeenAt };
  }
}
