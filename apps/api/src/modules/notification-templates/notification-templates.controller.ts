import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { PreviewTemplateDto, SaveTemplateDto } from './dto/template.dto';
import { NotificationTemplatesService, TemplateFilter, TEMPLATE_LIST } from './notification-templates.service';
import { NotificationTemplateDto, NotificationTemplateVersionDto, TemplatePreviewDto } from './dto/template-answers.dto';

@ApiTags('notification-templates')
@ApiBearerAuth()
@Controller('notification-templates')
export class NotificationTemplatesController {
  constructor(private readonly templates: NotificationTemplatesService) {}

  @Get()
  @Policy('notificationTemplates.read')
  @ApiOperation({
    summary:
      '通知テンプレートの一覧 (id = テンプレートのコード、本文は最新の版。事業の種類ごとの文面 benefit.* / itSubsidy.* も1行ずつ。filter: audience = applicant|reviewer|manager, workflowKind = subsidy|benefit|itSubsidy, q)',
  })
  @ApiListQuery(TEMPLATE_LIST)
  @ApiOkResponse({ type: NotificationTemplateDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<TemplateFilter, unknown>(res, 'notification-templates', params, TEMPLATE_LIST, (q) => this.templates.list(q));
  }

  @Get(':id')
  @Policy('notificationTemplates.read')
  @ApiOperation({ summary: 'テンプレート1件: 最新の版の件名・本文と、使える差し込み項目' })
  @ApiOkResponse({ type: NotificationTemplateDto })
  show(@Param('id') id: string) {
    return this.templates.get(id);
  }

  @Get(':id/versions')
  @Policy('notificationTemplates.read')
  @ApiOperation({ summary: '版の履歴 (新しい順、各版から作られた通知の件数つき)' })
  @ApiOkResponse({ type: NotificationTemplateVersionDto, isArray: true })
  versions(@Param('id') id: string) {
    return this.templates.versions(id);
  }

  @Put(':id')
  @Policy('notificationTemplates.write')
  @ApiOperation({ summary: '保存: 新しい版として記録 (既存の版は上書きしない)。version は編集を始めた版' })
  @ApiOkResponse({ type: NotificationTemplateDto })
  save(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: SaveTemplateDto) {
    return this.templates.save(actor, id, dto);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @Policy('notificationTemplates.read')
  @ApiOperation({
    summary: 'プレビュー: 保存前の件名・本文を実際の申請 (applicationId または receiptNumber、省略時は最新の受付) で差し込み、件名・本文・HTML を返す',
  })
  @ApiOkResponse({ type: TemplatePreviewDto })
  preview(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: PreviewTemplateDto) {
    return this.templates.preview(actor, id, dto);
  }
}
