import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { AssignmentFilter, AssignmentsService, ASSIGNMENT_LIST } from './assignments.service';
import { AssignmentRowDto, CreatedAssignmentDto } from './dto/assignment-answers.dto';
import { CreateAssignmentDto, UpdateAssignmentDto } from './dto/assignment.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('review-assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Policy('review.assignments.read')
  @ApiOperation({
    summary:
      '割当の一覧 (filter: reviewerId, applicationId, roundId, purpose, state = open|submitted|revoked|overdue|waiting (申請者対応待ち・終了した申請の未提出分), q)。審査員は自分の分のみ',
  })
  @ApiListQuery(ASSIGNMENT_LIST)
  @ApiOkResponse({ type: [AssignmentRowDto] })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<AssignmentFilter, unknown>(res, 'review-assignments', params, ASSIGNMENT_LIST, (q) => this.assignments.list(q, user));
  }

  @Get(':id')
  @Policy('review.assignments.read')
  @ApiOperation({ summary: '割当1件' })
  @ApiOkResponse({ type: AssignmentRowDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.get(id, user);
  }

  @Post()
  @Policy('review.assign')
  @ApiOperation({ summary: '手動の割当 (利益相反・上限件数を確認)。監査ログに記録' })
  @ApiCreatedResponse({ type: CreatedAssignmentDto })
  create(@Body() dto: CreateAssignmentDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.create(dto, user, requestMeta(req));
  }

  @Put(':id')
  @Policy('review.assign')
  @ApiOperation({ summary: '付け替え (reviewerId) や審査期限 (dueAt) の変更。監査ログに記録' })
  @ApiOkResponse({ type: AssignmentRowDto, description: '付け替えでは新しい割当' })
  update(@Param('id') id: string, @Body() dto: UpdateAssignmentDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.update(id, dto, user, requestMeta(req));
  }

  @Delete(':id')
  @Policy('review.assign')
  @ApiOperation({ summary: '割当の取消 (提出済みは不可)。監査ログに記録' })
  @ApiOkResponse({ type: AssignmentRowDto })
  revoke(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.revoke(id, user, requestMeta(req));
  }
}
