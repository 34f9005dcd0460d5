import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Policy } from '../../auth/policy.decorator';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { WorkflowDto } from './dto/workflow.dto';
import { WorkflowFilter, workflowListSpec, WorkflowsService } from './workflows.service';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get()
  @Policy('rules.read')
  @ApiOperation({
    summary: '手続定義の一覧: 状態 (コード・表示名・種類・色合い・性質) と遷移 (名前・表示名・遷移元・遷移先・役割)。filter: id (code@version), code',
  })
  @ApiListQuery(workflowListSpec())
  @ApiOkResponse({ type: [WorkflowDto], headers: { 'Content-Range': { description: 'workflows 開始-終了/総数', schema: { type: 'string' } } } })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<WorkflowFilter, WorkflowDto>(res, 'workflows', params, workflowListSpec(), (q) => this.workflows.list(q));
  }
}
