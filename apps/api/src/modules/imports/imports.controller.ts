import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { IMPORT_COLUMNS } from './import-columns';
import { csvTemplate, xlsxTemplate } from './import-template';
import type { UploadedImportFile } from './import-upload';
import { ImportsService, IMPORT_LIST } from './imports.service';
import { ApplicationImportDto, ImportColumnDto } from './dto/imports-answers.dto';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get()
  @Policy('imports.manage')
  @ApiOperation({ summary: '一括取込の一覧 (filter: roundId, status)。processedRows / totalRows が進捗' })
  @ApiListQuery(IMPORT_LIST)
  @ApiOkResponse({ type: ApplicationImportDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<{ id?: string[] }, unknown>(res, 'imports', params, IMPORT_LIST, (q) => this.imports.list(q));
  }

  @Get('format')
  @Policy('imports.manage')
  @ApiOperation({ summary: '取込ファイルの列の定義 (見出し・必須・記入方法・例)' })
  @ApiOkResponse({ type: ImportColumnDto, isArray: true })
  format() {
    return IMPORT_COLUMNS;
  }

  @Get('template.csv')
  @Policy('imports.manage')
  @ApiOperation({ summary: '取込用テンプレート (CSV, UTF-8 BOM付き)' })
  @ApiOkResponse({ description: 'CSV (UTF-8 BOM付き)', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  async csv(@Res() res: Response) {
    res.attachment('jimukyoku-import-template.csv').type('text/csv; charset=utf-8').send(csvTemplate());
  }

  @Get('template.xlsx')
  @Policy('imports.manage')
  @ApiOperation({ summary: '取込用テンプレート (Excel)' })
  @ApiOkResponse({ description: 'Excel', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async xlsx(@Res() res: Response) {
    res
      .attachment('jimukyoku-import-template.xlsx')
      .type(XLSX_TYPE)
      .send(await xlsxTemplate());
  }

  @Get(':id')
  @Policy('imports.manage')
  @ApiOperation({ summary: '一括取込1件: 状態・進捗・行ごとの誤り' })
  @ApiOkResponse({ type: ApplicationImportDto })
  show(@Param('id') id: string) {
    return this.imports.get(id);
  }

  @Post()
  @Policy('imports.manage')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'roundId', 'mode'],
      properties: { file: { type: 'string', format: 'binary' }, roundId: { type: 'string' }, mode: { type: 'string', enum: ['validRows', 'allOrNothing'] } },
    },
  })
  @ApiOperation({ summary: '申請の一括取込 (CSV / Excel、IMPORT_MAX_BYTES まで)。行ごとに検証し、正しい行だけ、または全件か無しかで取り込む (ワーカーで実行)' })
  @ApiCreatedResponse({ type: ApplicationImportDto, description: '受け付けた取込 (status queued: ワーカーで実行)' })
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body('roundId') roundId: unknown,
    @Body('mode') mode: unknown,
  ) {
    return this.imports.create(actor, file, roundId, mode);
  }
}
