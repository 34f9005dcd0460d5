import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { IsMailAddress } from '../../common/mail-address.decorator';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { NotificationProgressDto, NotificationProgressService } from './notification-progress.service';
import { NotificationFilter, NOTIFICATION_LIST } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { HasText } from '../../common/has-text.decorator';
import { NotificationDto } from './dto/notifications-answers.dto';

export class ConfirmDeliveredDto {
  @ApiProperty({ description: '配信を確認した根拠 (メールサーバーのログ、申請者への確認など)。監査ログに残ります' })
  @IsString({ message: 'note (確認の根拠) を入力してください' })
  @HasText('note (確認の根拠) を入力してください')
  @MaxLength(1000, { message: 'note は1000文字以内で入力してください' })
  note!: string;
}

export class ResendDto {
  @ApiPropertyOptional({ description: '宛先を訂正して再送する場合のメールアドレス' })
  @IsOptional()
  @IsMailAddress('recipient はメールアドレスの形式で入力してください (半角英数字、例: owner@example.jp)')
  recipient?: string;
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ description: 'この公募回の通知だけを数える', format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'roundId は公募回のIDを指定してください' })
  roundId?: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly progressCounts: NotificationProgressService,
  ) {}

  @Get()
  @Policy('notifications.read')
  @ApiOperation({ summary: '通知の一覧 (filter: status, template, applicationId, roundId, q = 宛先・件名)' })
  @ApiListQuery(NOTIFICATION_LIST)
  @ApiOkResponse({ type: NotificationDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<NotificationFilter, unknown>(res, 'notifications', params, NOTIFICATION_LIST, (q) => this.notifications.list(q));
  }

  @Get('progress')
  @Policy('notifications.read')
  @ApiOperation({ summary: '送信の進捗: 状態ごとの件数 (全体と公募回ごと)。採択発表の一斉送信を画面で追うために数秒ごとに呼ばれる' })
  @ApiOkResponse({ type: NotificationProgressDto })
  progress(@Query() query: ProgressQueryDto): Promise<NotificationProgressDto> {
    return this.progressCounts.progress(query.roundId);
  }

  @Get(':id')
  @Policy('notifications.read')
  @ApiOperation({ summary: '通知1件: 送信した件名・本文そのまま、Message-ID、SMTP の応答' })
  @ApiOkResponse({ type: NotificationDto })
  show(@Param('id') id: string) {
    return this.notifications.get(id);
  }

  @Post(':id/resend')
  @Policy('notifications.resend')
  @ApiOperation({ summary: '再送 (新しい通知として記録。宛先の訂正も可)' })
  @ApiCreatedResponse({ type: NotificationDto, description: '再送として記録した新しい通知' })
  resend(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: ResendDto) {
    return this.notifications.resend(actor, id, dto.recipient);
  }

  @Post(':id/confirm-delivered')
  @HttpCode(200)
  @Policy('notifications.resend')
  @ApiOperation({ summary: '要確認 (送信済みか不明) の通知を、配信を確認したうえで送信済みにする (再送しない。根拠を監査ログに記録)' })
  @ApiOkResponse({ type: NotificationDto })
  confirmDelivered(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: ConfirmDeliveredDto) {
    return this.notifications.confirmDelivered(actor, id, dto.note);
  }
}
