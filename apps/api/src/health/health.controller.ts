import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../common/public.decorator';
import { REDIS } from '../redis';
import { HEARTBEAT_KEY } from '../worker/heartbeat.job';
import { overallHealth } from './overall-health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly redisIndicator: RedisHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness of the API and its services: ok; degraded (200) while Redis is down; 503 while PostgreSQL is down' })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'degraded',
        down: ['redis'],
        info: { database: { status: 'up' } },
        error: { redis: { status: 'down', message: 'Connection is closed.' } },
        details: {},
      },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL does not answer: nothing can be accepted' })
  async check() {
    const [database, redis] = await Promise.all([
      this.db.pingCheck('database', { timeout: 1_500 }).catch(() => ({ database: { status: 'down' as const, message: 'timeout' } })),
      this.redisIndicator.isHealthy('redis'),
    ]);
    const report = overallHealth({ ...database, ...redis });
    if (report.status === 'error') {
      throw new ServiceUnavailableException({
        code: 'DATABASE_DOWN',
        message: 'データベースに接続できません。受付・更新はできません。しばらく待ってから再度お試しください。',
        retryAfterSeconds: 5,
        ...report,
      });
    }
    return report;
  }

  @Get('worker')
  @Public()
  @ApiOperation({ summary: 'Whether a queue worker reported a heartbeat in the last minute' })
  @ApiOkResponse({ schema: { example: { status: 'up', lastSeenAt: '2026-01-01T00:00:00.000Z' } } })
  @ApiServiceUnavailableResponse({ description: 'No worker heartbeat in the last minute' })
  async worker() {
    const lastSeenAt = await this.redis.get(HEARTBEAT_KEY).catch(() => {
      throw new ServiceUnavailableException({
        code: 'REDIS_DOWN',
        message: 'Redis に接続できないため、キューワーカーの状態を確認できません。',
        retryAfterSeconds: 5,
      });
    });
    if (!lastSeenAt)
      throw new ServiceUnavailableException({
        code: 'WORKER_DOWN',
        message: 'キューワーカーが応答していません。`npm run worker` が動いているか確認してください。',
      });
    return { status: 'up', lastSeenAt };
  }
}
