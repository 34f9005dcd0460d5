import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { isUuid } from '../common/is-uuid';
import { AppConfig, APP_CONFIG } from '../config';
import { accessTokenKey } from './access-token-key';
import { AuthError } from './auth.errors';
import { AccessTokenPayload, AuthService } from './auth.service';

/**
 * Bearer access tokens: signature and expiry by passport-jwt, then the claims the product always issues (an
 * expiry, ACCESS_TOKEN_TTL, and UUIDs for account and session), then the live session and account. A token
 * signed with the key but lacking one of them is refused like a tampered one (401 TOKEN_INVALID): jsonwebtoken
 * checks `exp` only when present, and a `sid` that is no UUID failed in SQL as a 500.
 */
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

  validate(payload: Partial<AccessTokenPayload> & { exp?: unknown }) {
    if (typeof payload.exp !== 'number' || !isUuid(payload.sub) || !isUuid(payload.sid)) throw new AuthError('TOKEN_INVALID');
    return this.auth.userForToken(payload as AccessTokenPayload);
  }
}
