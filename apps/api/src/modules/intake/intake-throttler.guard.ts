import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';

/** Rate limit per intake channel (after ApiKeyGuard has identified it), with a Japanese refusal. */
@Injectable()
export class IntakeThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: { channel?: { id: string }; ip?: string }): Promise<string> {
    return `channel:${req.channel?.id ?? req.ip}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new HttpException(
      {
        code: 'TOO_MANY_SUBMISSIONS',
        message: `送信が多すぎます。${detail.timeToExpire}秒後に同じ内容 (同じ Idempotency-Key) で再送してください。`,
        retryAfterSeconds: detail.timeToExpire,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
