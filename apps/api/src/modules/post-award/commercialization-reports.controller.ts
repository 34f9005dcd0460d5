import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Policy } from '../../auth/policy.decorator';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import type { CommercializationReportFilter, CommercializationReportRow } from './commercialization-reports.repository';
import { commercializationReportListSpec, CommercializationReportsService } from './commercialization-reports.service';
import { CommercializationReportRowDto } from './dto/post-award-answers.dto';

/** The yearly 事業化状況報告 due after the 額の確定 (docs/post-award.md "事業化状況報告の予定"): the managers' list. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('commercialization-reports')
export class CommercializationReportsController {
  constructor(private readonly reports: CommercializationReportsService) {}

  @Get()
  @Policy('commercializationReports.read')
  @ApiOperation({
    summary:
      '事業化状況報告の予定の一覧 (額の確定から毎年5回)。filter: state (overdue: 期限 (日本時間) を過ぎて未提出, open: 未提出, reported: 提出済), applicationId',
  })
  @ApiListQuery(commercializationReportListSpec())
  @ApiOkResponse({
    type: [CommercializationReportRowDto],
    headers: { 'Content-Range': { description: 'commercialization-reports 開始-終了/総数', schema: { type: 'string' } } },
  })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<CommercializationReportFilter, CommercializationReportRow>(
      res,
      'commercialization-reports',
      params,
      commercializationReportListSpec(),
      (q) => this.reports.list(q),
    );
  }
}
