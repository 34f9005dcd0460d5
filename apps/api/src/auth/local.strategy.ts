import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';

/** Email + password login; yields the issued session (tokens) as `req.user`. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, email: string, password: string) {
    return this.auth.login(email, password, { ip: req.ip, userAgent: req.get('user-agent'), requestId: String(req.id ?? '') });
  }
}
