import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig, APP_CONFIG } from '../config';
import { AccessTokenPayload, AuthService } from './auth.service';

/** Bearer access tokens: signature and expiry by passport-jwt, then the live session and account. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.jwtSecret, ignoreExpiration: false, algorithms: ['HS256'] });
  }

  validate(payload: AccessTokenPayload) {
    return this.auth.userForToken(payload);
  }
}
