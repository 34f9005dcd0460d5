import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { PolicyAction } from './policy';
import type { AuthenticatedUser } from './roles';

export const POLICY_KEY = 'policy';
/** The one authorisation action this route performs (see policy.ts). */
export const Policy = (action: PolicyAction) => SetMetadata(POLICY_KEY, action);

/** The authenticated staff user of this request. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  return ctx.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>().user;
});
