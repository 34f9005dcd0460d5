import { Body, Controller, Get, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { ReviewerSettingsDto } from './dto/reviewer.dto';
import { ReviewerLoadDto } from './dto/reviewer-answers.dto';
import { ReviewerFilter, ReviewersService, REVIEWER_LIST } from './reviewers.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Get()
  @Policy('review.read')
  @ApiOperation({ summary: '審査員と負荷 (未提出・期限超過・提出済・上限・利益相反の件数)。filter: q, roundId' })
  @ApiListQuery(REVIEWER_LIST)
  @ApiOkResponse({ type: [ReviewerLoadDto] })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<ReviewerFilter, unknown>(res, 'reviewers', params, REVIEWER_LIST, (q) => this.reviewers.list(q));
  }

  @Get(':id')
  @Policy('review.read')
  @ApiOperation({ summary: '審査員1名と負荷' })
  @ApiOkResponse({ type: ReviewerLoadDto })
  get(@Param('id') id: string) {
    return this.reviewers.get(id);
  }

  @Put(':id')
  @Policy('review.configure')
  @ApiOperation({ summary: '審査員の所属組織と上限件数。所属の変更で利益相反となった未提出の割当は取消' })
  @ApiOkResponse({ type: ReviewerLoadDto })
  update(@Param('id') id: string, @Body() dto: ReviewerSettingsDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.reviewers.update(id, dto, user, requestMeta(req));
  }
}
