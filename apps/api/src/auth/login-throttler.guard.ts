import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';

/** Rate limit keyed by client IP and the email being tried, with a Japanese refusal. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${req.ip}|${email}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new HttpException(
      {
        code: 'TOO_MANY_LOGIN_ATTEMPTS',
        message: `ログインの試行が多すぎます。${detail.timeToBlockExpire || detail.timeToExpire}秒後に再度お試しください。`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
