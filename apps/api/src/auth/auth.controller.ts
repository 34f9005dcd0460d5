import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { CookieOptions, Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { AppConfig, APP_CONFIG } from '../config';
import { AuthError } from './auth.errors';
import { AuthService, IssuedSession } from './auth.service';
import { ChangePasswordDto, LoginDto, SessionDto, SessionUserDto } from './dto/login.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginThrottlerGuard } from './login-throttler.guard';
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
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000, blockDuration: 60_000 } })
  @ApiOperation({ summary: 'ログイン: アクセストークンを返し、更新トークンを httpOnly cookie に設定' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionDto })
  login(@Req() req: Request & { user: IssuedSession }, @Res({ passthrough: true }) res: Response): SessionDto {
    return this.send(res, req.user);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: '更新トークン (cookie) でアクセストークンを再発行。更新トークンは使うたびに入れ替わる' })
  @ApiOkResponse({ type: SessionDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const cookie = parseRefreshCookie(req.cookies?.[REFRESH_COOKIE]);
    if (!cookie) throw new AuthError('REFRESH_MISSING');
    try {
      return this.send(res, await this.auth.refresh(cookie.sessionId, cookie.secret, requestMeta(req)));
    } catch (e) {
      res.clearCookie(REFRESH_COOKIE, this.cookieOptions());
      throw e;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Policy('auth.self')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'ログアウト: このセッションを失効させる (アクセストークンも直ちに無効)' })
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
  @ApiOperation({ summary: 'パスワード変更 (初回ログイン時は必須)' })
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto, @Req() req: Request) {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, requestMeta(req));
  }

  private send(res: Response, session: IssuedSession): SessionDto {
    res.cookie(REFRESH_COOKIE, session.refreshCookie, { ...this.cookieOptions(), maxAge: this.config.refreshTokenTtl * 1000 });
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.nodeEnv === 'production', path: '/api/auth' };
  }
}
