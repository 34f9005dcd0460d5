import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { appValidationPipe } from '../common/validation.pipe';
import { LoginDto } from './dto/login.dto';

/**
 * passport-local behind the same body validation as every other route (guards run before pipes, so
 * without this a missing field would surface as passport's bare 401 instead of a 400 naming it).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipe = appValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await this.pipe.transform(req.body ?? {}, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }
}
