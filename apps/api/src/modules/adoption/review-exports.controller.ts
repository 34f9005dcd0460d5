import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Policy } from '../../auth/policy.decorator';
import { AdoptionError } from './adoption.errors';
import { ExportFormat, ReviewExportsService } from './review-exports.service';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
/** The success of an export: the file itself (CSV by default, or Excel), named by Content-Disposition. */
const EXPORT_FILE = {
  description: 'ファイル (format=csv は UTF-8 BOM付きの CSV、xlsx は Excel)',
  content: { 'text/csv': FILE, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': FILE },
  headers: { 'Content-Disposition': { description: 'attachment; filename=… (ファイル名)', schema: { type: 'string' } } },
};

// The operation ids are the ones these routes had before the review module was split, kept for API clients.
@ApiTags('review')
@ApiBearerAuth()
@Controller('rounds')
export class ReviewExportsController {
  constructor(private readonly exports: ReviewExportsService) {}

  @Get(':roundId/exports/adopted')
  @Policy('review.export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'], required: false, description: '省略すると csv' })
  @ApiQuery({ name: 'categoryId', required: false, type: String, format: 'uuid', description: '類型で絞る場合の category id' })
  @ApiOkResponse(EXPORT_FILE)
  @ApiOperation({
    operationId: 'RoundReviewController_adopted',
    summary: '採択者一覧 (公表用: 受付番号, 事業者名, 法人番号, 都道府県, 事業計画名, 認定支援機関名)',
  })
  async adopted(@Param('roundId') roundId: string, @Query('format') format: string, @Query('categoryId') categoryId: string | undefined, @Res() res: Response) {
    const file = await this.exports.adoptedList(roundId, exportFormat(format), categoryId);
    res.attachment(file.fileName).type(file.contentType).send(file.body);
  }

  @Get(':roundId/exports/scores')
  @Policy('review.export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'], required: false, description: '省略すると csv' })
  @ApiOkResponse(EXPORT_FILE)
  @ApiOperation({ operationId: 'RoundReviewController_scores', summary: '採点の全件 (事務局用: 申請 × 審査員ごとの各項目の点数・合計・加点・総評)' })
  async scores(@Param('roundId') roundId: string, @Query('format') format: string, @Res() res: Response) {
    const file = await this.exports.scoring(roundId, exportFormat(format));
    res.attachment(file.fileName).type(file.contentType).send(file.body);
  }
}

function exportFormat(format: string | undefined): ExportFormat {
  if (format === undefined || format === 'csv') return 'csv';
  if (format === 'xlsx') return 'xlsx';
  throw new AdoptionError('INVALID_EXPORT_FORMAT', { errors: [{ field: 'format', message: 'format は csv か xlsx です' }] });
}
