import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig, APP_CONFIG } from '../config';
import { accessTokenKey } from './access-token-key';
import { AccessTokenPayload, AuthService } from './auth.service';

/** Bearer access tokens: signature and expiry by passport-jwt, then the live session and account. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken.verify, which takes a KeyObject; its types predate them
      secretOrKey: accessTokenKey(config.jwtSecret) as unknown as Buffer,
      ignoreExpiration: false,
      algorithms: ['HS256'],
    });
  }

  validate(payload: AccessTokenPayload) {
    return this.auth.userForToken(payload);
  }
}
