import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage, type ListSpec } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { AssignmentFilter, AssignmentsService, ASSIGNMENT_LIST } from '../assignments/assignments.service';
import { AssignmentRowDto } from '../assignments/dto/assignment-answers.dto';
import { ReopenDto, ScoreSheetDto } from './dto/score-sheet.dto';
import { ScoreSheetAnswerDto, SubmittedScoreSheetDto } from './dto/scoring-answers.dto';
import { ScoreSheetsService } from './score-sheets.service';

/** The review assignments' list without its `purpose` filter: a score sheet is a 書面審査 assignment, never a 要件確認. */
const { purpose: _purpose, ...SCORE_SHEET_FILTERS } = ASSIGNMENT_LIST.filters;
const SCORE_SHEET_LIST: ListSpec = { ...ASSIGNMENT_LIST, filters: SCORE_SHEET_FILTERS, defaultSort: ['dueAt', 'ASC'] };

@ApiTags('review')
@ApiBearerAuth()
@Controller('score-sheets')
export class ScoreSheetsController {
  constructor(
    private readonly sheets: ScoreSheetsService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get()
  @Policy('review.scores.read')
  @ApiOperation({ summary: '採点票の一覧 = 審査員の「担当する審査」(filter: state, roundId, applicationId, reviewerId, q)。審査員は自分の分のみ' })
  @ApiListQuery(SCORE_SHEET_LIST)
  @ApiOkResponse({ type: [AssignmentRowDto] })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<AssignmentFilter, unknown>(res, 'score-sheets', params, SCORE_SHEET_LIST, (q) =>
      this.assignments.list({ ...q, filter: { ...q.filter, purpose: 'review' } }, user),
    );
  }

  @Get(':id')
  @Policy('review.scores.read')
  @ApiOperation({ summary: '採点票1件 (id = 割当のID): 審査基準、申請の概要、申告された加点項目、保存済みの採点' })
  @ApiOkResponse({ type: ScoreSheetAnswerDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sheets.get(id, user);
  }

  @Put(':id')
  @Policy('review.score')
  @ApiOperation({ summary: '採点の途中保存 (自分の採点票のみ)。最初の保存で審査基準が確定する' })
  @ApiOkResponse({ type: ScoreSheetAnswerDto })
  save(@Param('id') id: string, @Body() dto: ScoreSheetDto, @CurrentUser() user: AuthenticatedUser) {
    return this.sheets.save(id, dto, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Policy('review.score')
  @ApiOperation({ summary: '採点の提出 (全項目必須)。最後の提出で書面審査が完了 (乖離があれば審査員を追加)' })
  @ApiOkResponse({ type: SubmittedScoreSheetDto })
  submit(@Param('id') id: string, @Body() dto: ScoreSheetDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.sheets.submit(id, dto, user, requestMeta(req));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Policy('review.reopen')
  @ApiOperation({ summary: '提出済みの採点を再開 (管理者のみ、理由必須、監査ログに記録)' })
  @ApiOkResponse({ type: ScoreSheetAnswerDto })
  reopen(@Param('id') id: string, @Body() dto: ReopenDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.sheets.reopen(id, dto.reason, user, requestMeta(req));
  }
}
