import { Body, Controller, Delete, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { ConflictDto } from './dto/reviewer.dto';
import { ConflictOfInterestDto, DeclaredConflictDto } from './dto/reviewer-answers.dto';
import { ConflictFilter, ReviewersService, CONFLICT_LIST } from './reviewers.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('conflicts-of-interest')
export class ConflictsController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Get()
  @Policy('review.conflicts.read')
  @ApiOperation({ summary: '利益相反の申告 (filter: reviewerId, active)。審査員は自分の分のみ' })
  @ApiListQuery(CONFLICT_LIST)
  @ApiOkResponse({ type: [ConflictOfInterestDto] })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<ConflictFilter, unknown>(res, 'conflicts-of-interest', params, CONFLICT_LIST, (q) => this.reviewers.listConflicts(q, user));
  }

  @Get(':id')
  @Policy('review.conflicts.read')
  @ApiOperation({ summary: '利益相反の申告1件' })
  @ApiOkResponse({ type: ConflictOfInterestDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reviewers.getConflict(id, user);
  }

  @Post()
  @Policy('review.conflicts.declare')
  @ApiOperation({ summary: '利益相反の申告 (法人番号または組織名)。該当する未提出の割当は取消。監査ログに記録' })
  @ApiCreatedResponse({ type: DeclaredConflictDto })
  declare(@Body() dto: ConflictDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.reviewers.declare(dto, user, requestMeta(req));
  }

  @Delete(':id')
  @Policy('review.conflicts.revoke')
  @ApiOperation({ summary: '利益相反の申告を取り消す (監査ログに記録)' })
  @ApiOkResponse({ type: ConflictOfInterestDto })
  revoke(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.reviewers.revokeConflict(id, user, requestMeta(req));
  }
}
