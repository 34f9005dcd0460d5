import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { UpdateRubricDto } from './dto/rubric.dto';
import { RubricAnswerDto } from './dto/rubric-answers.dto';
import { RubricFilter, RubricsService, RUBRIC_LIST } from './rubrics.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('review-rubrics')
export class RubricsController {
  constructor(private readonly rubrics: RubricsService) {}

  @Get()
  @Policy('review.read')
  @ApiOperation({ summary: '審査基準の一覧 (filter: roundId, categoryId)。公募回を指定すると募集類型ごとに既定の審査基準を用意する' })
  @ApiListQuery(RUBRIC_LIST)
  @ApiOkResponse({ type: [RubricAnswerDto] })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<RubricFilter, unknown>(res, 'review-rubrics', params, RUBRIC_LIST, (q) => this.rubrics.list(q) as Promise<[unknown[], number]>);
  }

  @Get(':id')
  @Policy('review.read')
  @ApiOperation({ summary: '審査基準1件' })
  @ApiOkResponse({ type: RubricAnswerDto })
  get(@Param('id') id: string) {
    return this.rubrics.get(id);
  }

  @Put(':id')
  @Policy('review.configure')
  @ApiOperation({ summary: '審査基準の変更 (審査項目・加点項目は最初の採点まで。審査員数などの設定はいつでも)。監査ログに記録' })
  @ApiOkResponse({ type: RubricAnswerDto })
  update(@Param('id') id: string, @Body() dto: UpdateRubricDto, @CurrentUser() user: AuthenticatedUser) {
    return this.rubrics.update(id, dto, user);
  }
}
