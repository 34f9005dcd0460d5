import { Controller, Get, Inject, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../auth/policy.decorator';
import { AppConfig, APP_CONFIG } from '../config';

/**
 * Where the development mail catcher shows what was sent (MAIL_WEB_URL: mailpit on :8025, or the page of
 * the catcher `npm start` embeds), so the admin can link to it; null when none is configured, and always
 * in production (the config refuses MAIL_WEB_URL there and `npm start` starts no catcher).
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('dev-mail')
export class DevMailController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Policy('notifications.read')
  @ApiOperation({ summary: '開発用メール確認画面の URL (MAIL_WEB_URL、未設定なら null)' })
  @ApiOkResponse({ schema: { example: { webUrl: 'http://localhost:8025' } } })
  show() {
    return { webUrl: this.config.mailWebUrl };
  }
}

@Module({ controllers: [DevMailController] })
export class DevMailModule {}
