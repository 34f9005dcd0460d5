import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { ApplicationExportsService, APPLICATION_EXPORT_LIST } from './application-exports.service';
import { ApplicationExportDto } from './dto/application-export-answers.dto';
import { CreateApplicationExportDto } from './dto/create-application-export.dto';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
/** The file of an export: CSV or Excel, as asked. */
const EXPORT_FILE = { 'text/csv': FILE, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': FILE };

@ApiTags('application-exports')
@ApiBearerAuth()
@Controller('application-exports')
export class ApplicationExportsController {
  constructor(private readonly exports: ApplicationExportsService) {}

  @Post()
  @Policy('applications.export')
  @ApiOperation({
    summary:
      '申請一覧の filter で選ばれる申請のエクスポート (審査員は割当分のみ)。EXPORT_DIRECT_MAX_ROWS 件以下はその場でファイル (200)、それを超えるとワーカーで作成 (202, 進捗は GET /api/application-exports/:id)',
  })
  @ApiOkResponse({ description: 'ファイル (CSV は UTF-8 BOM付き)。X-Export-Id ヘッダーがエクスポートのID', content: EXPORT_FILE })
  @ApiAcceptedResponse({ type: ApplicationExportDto, description: 'ワーカーで作成するエクスポートの記録 (status queued)' })
  async create(@Body() dto: CreateApplicationExportDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res() res: Response) {
    const answer = await this.exports.request(user, dto.format, dto.filter, requestMeta(req));
    if (answer.delivery === 'job') {
      res.status(202).location(`/api/application-exports/${answer.record.id}`).json(answer.record);
      return;
    }
    res
      .status(200)
      .setHeader('X-Export-Id', answer.record.id)
      .setHeader('Access-Control-Expose-Headers', 'Content-Disposition, X-Export-Id')
      .attachment(answer.file.fileName)
      .type(answer.file.contentType)
      .send(answer.file.body);
  }

  @Get()
  @Policy('applications.export')
  @ApiOperation({ summary: 'エクスポートの一覧 (filter: status)。マネージャーは全員の、ほかは自分のもの。processedRows / totalRows が進捗' })
  @ApiListQuery(APPLICATION_EXPORT_LIST)
  @ApiOkResponse({ type: [ApplicationExportDto] })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<{ id?: string[]; status?: string }, unknown>(res, 'application-exports', params, APPLICATION_EXPORT_LIST, (q) =>
      this.exports.list(q, user),
    );
  }

  @Get(':id')
  @Policy('applications.export')
  @ApiOperation({ summary: 'エクスポート1件: 状態と進捗 (processedRows / totalRows)。依頼した本人かマネージャーのみ、ほかは 404' })
  @ApiOkResponse({ type: ApplicationExportDto })
  show(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.exports.get(id, user);
  }

  @Get(':id/content')
  @Policy('applications.export')
  @ApiOkResponse({ description: 'ファイル (CSV は UTF-8 BOM付き)', content: EXPORT_FILE })
  @ApiOperation({ summary: 'ワーカーが作成したエクスポートのファイル。依頼した本人かマネージャーのみ (ダウンロードは監査ログに記録)' })
  async content(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res() res: Response) {
    const file = await this.exports.content(id, user, requestMeta(req));
    res.attachment(file.fileName).type(file.contentType);
    file.stream.pipe(res);
  }
}
