import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC } from '../common/public.decorator';
import { AuditService } from '../modules/audit/audit.service';
import { AuthError } from './auth.errors';
import { ALLOWED_DURING_PASSWORD_CHANGE, isAllowed, PolicyAction, POLICIES } from './policy';
import { POLICY_KEY } from './policy.decorator';
import type { AuthenticatedUser } from './roles';

export const API_KEY_AUTH = 'apiKeyAuth';

/**
 * The one gate in front of every route (registered globally): @Public routes pass; every other route
 * needs a valid access token for a live session, and its @Policy action must allow the user's role.
 * A route that names no policy is refused to everybody. Refusals are audited.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    // Machine channels (intake API keys) are checked by their own guard on those routes.
    if (this.reflector.getAllAndOverride<boolean>(API_KEY_AUTH, targets)) return true;

    await super.canActivate(context);
    const req = context.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>();
    const user = req.user;
    const action = this.reflector.getAllAndOverride<PolicyAction | undefined>(POLICY_KEY, targets);
    if (user.mustChangePassword && !(action && ALLOWED_DURING_PASSWORD_CHANGE.includes(action))) {
      throw new AuthError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!action || !(action in POLICIES) || !isAllowed(user.role, action)) {
      await this.audit.record({
        actor: user,
        action: 'access.refused',
        changes: { method: req.method, path: req.path, policy: action ?? null },
        requestId: String(req.id ?? ''),
        ip: req.ip,
      });
      throw new AuthError('FORBIDDEN');
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    // A bad token reaches here as `info`; `err` is a failure while checking a good one (the session
    // lookup): PostgreSQL away is a 503 from the error filter, never a 401 that would log staff out.
    if (err) throw err;
    if (!user) {
      const name = (info as { name?: string } | undefined)?.name;
      throw new AuthError(name === 'TokenExpiredError' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    }
    return user;
  }
}
