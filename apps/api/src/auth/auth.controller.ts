import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { AppConfig, APP_CONFIG } from '../config';
import { AuthError } from './auth.errors';
import { AuthService, IssuedSession } from './auth.service';
import { ChangePasswordDto, LoginDto, SessionDto, SessionUserDto } from './dto/login.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { CurrentUser, Policy } from './policy.decorator';
import type { AuthenticatedUser } from './roles';
import { parseRefreshCookie } from './tokens';
import { requestMeta } from '../common/request-meta';

export const REFRESH_COOKIE = 'jimukyoku_refresh';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({
    summary: 'ログイン: アクセストークンを返し、更新トークンを httpOnly cookie に設定',
    description:
      '存在しないメールアドレスと誤ったパスワードは同じ 401 INVALID_CREDENTIALS。同じ端末 (IP) から同じメールアドレスで15分に5回、または全体で30回失敗すると、その端末からは 429 TOO_MANY_LOGIN_ATTEMPTS (retryAt, Retry-After)。',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionDto })
  @ApiResponse({ status: 401, description: 'メールアドレスまたはパスワードが正しくない (INVALID_CREDENTIALS)' })
  @ApiResponse({ status: 429, description: '失敗が続いたため一時的に止めている (TOO_MANY_LOGIN_ATTEMPTS: retryAt, Retry-After)' })
  login(@Req() req: Request & { user: IssuedSession }, @Res({ passthrough: true }) res: Response): SessionDto {
    return this.send(res, req.user);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({
    summary: '更新トークン (cookie) でアクセストークンを再発行。更新トークンは使うたびに入れ替わる',
    description:
      '入れ替わった直後 (REFRESH_GRACE_SECONDS 以内) の古いトークンにはアクセストークンだけを返す (cookie は変えない)。それより古いトークンの再利用はセッションを終了する。セッションはログインから SESSION_MAX_AGE 秒で必ず終わる。',
  })
  @ApiOkResponse({ type: SessionDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const cookie = parseRefreshCookie(req.cookies?.[REFRESH_COOKIE]);
    if (!cookie) throw new AuthError('REFRESH_MISSING');
    try {
      return this.send(res, await this.auth.refresh(cookie.sessionId, cookie.secret, requestMeta(req)));
    } catch (e) {
      // only a refused token ends the cookie; a fault (PostgreSQL away: 503) leaves it for the retry
      if (e instanceof AuthError) res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
      throw e;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Policy('auth.self')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'ログアウト: このセッションを失効させる (アクセストークンも直ちに無効)' })
  @ApiNoContentResponse({ description: 'ログアウトした (本文なし)' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(user, requestMeta(req));
    res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @Policy('auth.self')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionUserDto })
  @ApiOperation({ summary: 'ログイン中の職員 (名前・役割・所属・パスワード変更の要否)' })
  me(@CurrentUser() user: AuthenticatedUser): SessionUserDto {
    return this.auth.me(user);
  }

  @Post('password')
  @HttpCode(204)
  @Policy('auth.self')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'パスワード変更 (初回ログイン時は必須)。このセッション以外のセッションはすべて終了する。条件を満たさないときは 400 WEAK_PASSWORD (errors に理由)',
  })
  @ApiNoContentResponse({ description: '変更した (このセッション以外は終了)' })
  @ApiResponse({ status: 429, description: '現在のパスワードの誤りが続いたため一時的に止めている (TOO_MANY_LOGIN_ATTEMPTS: retryAt, Retry-After)' })
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto, @Req() req: Request) {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, requestMeta(req));
  }

  private send(res: Response, session: IssuedSession): SessionDto {
    if (session.refresh) res.cookie(REFRESH_COOKIE, session.refresh.cookie, { ...this.cookieOptions(), expires: session.refresh.expiresAt });
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }

  /** Only the browser holds it (httpOnly), only over HTTPS in production, only sent to /api/auth, never cross-site. */
  private cookieOptions(): CookieOptions {
    return refreshCookieOptions(this.config);
  }
}

export function refreshCookieOptions(config: Pick<AppConfig, 'nodeEnv'>): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.nodeEnv === 'production', path: '/api/auth' };
}
