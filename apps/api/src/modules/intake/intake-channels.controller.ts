import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { IntakeChannelsService, CHANNEL_LIST } from './intake-channels.service';
import { HasText } from '../../common/has-text.decorator';
import { CreatedIntakeChannelDto, IntakeChannelDto } from './dto/intake-channels-answers.dto';

export class CreateChannelDto {
  @ApiProperty({ example: '電子申請システム (jGrants)' })
  @IsString()
  @HasText('name (受付窓口の名前) を入力してください')
  @MaxLength(100)
  name!: string;
}

@ApiTags('intake-channels')
@ApiBearerAuth()
@Controller('intake-channels')
export class IntakeChannelsController {
  constructor(private readonly channels: IntakeChannelsService) {}

  @Get()
  @Policy('intakeChannels.manage')
  @ApiOperation({ summary: '受付窓口の一覧 (APIキーは先頭のみ)' })
  @ApiListQuery(CHANNEL_LIST)
  @ApiOkResponse({ type: IntakeChannelDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<{ id?: string[] }, unknown>(res, 'intake-channels', params, CHANNEL_LIST, (q) => this.channels.list(q));
  }

  @Get(':id')
  @Policy('intakeChannels.manage')
  @ApiOperation({ summary: '受付窓口1件' })
  @ApiOkResponse({ type: IntakeChannelDto })
  show(@Param('id') id: string) {
    return this.channels.get(id);
  }

  @Post()
  @Policy('intakeChannels.manage')
  @ApiOperation({ summary: '受付窓口の作成。APIキー (apiKey) はこの応答でのみ表示される' })
  @ApiCreatedResponse({ type: CreatedIntakeChannelDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateChannelDto) {
    return this.channels.create(actor, dto.name);
  }

  @Delete(':id')
  @Policy('intakeChannels.manage')
  @ApiOperation({ summary: 'APIキーの失効 (以後のリクエストは拒否される)' })
  @ApiOkResponse({ type: IntakeChannelDto })
  revoke(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string) {
    return this.channels.revoke(actor, id);
  }
}
