import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { requestMeta } from '../../common/request-meta';
import { ListQueryDto } from '../../common/list-query.dto';
import { AdoptionService } from './adoption.service';
import { AssignmentFilter, AssignmentsService, ASSIGNMENT_LIST } from './assignments.service';
import { AutoAssignDto, ConflictDto, CreateAssignmentDto, ReviewerSettingsDto, UpdateAssignmentDto } from './dto/assignment.dto';
import { CompleteFormalCheckDto, SaveFormalCheckDto } from './dto/formal-check.dto';
import { CommitDecisionDto, RankingPageDto } from './dto/ranking.dto';
import { UpdateRubricDto } from './dto/rubric.dto';
import { ReopenDto, ScoreSheetDto } from './dto/score-sheet.dto';
import { FormalCheckService } from './formal-check.service';
import { RankingService, rankingPage } from './ranking.service';
import { ReviewError } from './review.errors';
import { ExportFormat, ReviewExportsService } from './review-exports.service';
import { ConflictFilter, ReviewerFilter, ReviewersService, REVIEWER_LIST, CONFLICT_LIST } from './reviewers.service';
import { RubricFilter, RubricsService, RUBRIC_LIST } from './rubrics.service';
import { ScoreSheetsService } from './score-sheets.service';


@ApiTags('review')
@ApiBearerAuth()
@Controller('applications')
export class FormalCheckController {
  constructor(
    private readonly formalChecks: FormalCheckService,
    private readonly sheets: ScoreSheetsService,
  ) {}

  @Get(':id/formal-check')
  @Policy('formalCheck.read')
  @ApiOperation({ summary: '要件確認のチェックリスト (類型の必要書類・要件・認定支援機関・誓約) と保存済みの回答' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.formalChecks.get(id, user);
  }

  @Put(':id/formal-check')
  @Policy('formalCheck.write')
  @ApiOperation({ summary: '要件確認の回答を保存 (途中保存)。受付済みの申請は要件確認中になる' })
  save(@Param('id') id: string, @Body() dto: SaveFormalCheckDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.formalChecks.save(id, dto.answers, user, requestMeta(req));
  }

  @Post(':id/formal-check/complete')
  @HttpCode(200)
  @Policy('formalCheck.write')
  @ApiOperation({ summary: '要件確認を完了: pass = 審査へ / return = 差戻し (不適の項目を申請者にメール) / ineligible = 要件不適合' })
  complete(@Param('id') id: string, @Body() dto: CompleteFormalCheckDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.formalChecks.complete(id, dto, user, requestMeta(req));
  }

  @Get(':id/reviews')
  @Policy('review.scores.read')
  @ApiOperation({ summary: '申請の全審査員の採点と集計。審査員は自分の採点を提出した後にだけ見られる' })
  reviews(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sheets.reviewsOf(id, user);
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('review-rubrics')
export class RubricsController {
  constructor(private readonly rubrics: RubricsService) {}

  @Get()
  @Policy('review.read')
  @ApiOperation({ summary: '審査基準の一覧 (filter: roundId, categoryId)。公募回を指定すると募集類型ごとに既定の審査基準を用意する' })
  @ApiListQuery(RUBRIC_LIST)
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<RubricFilter, unknown>(res, 'review-rubrics', params, RUBRIC_LIST, (q) => this.rubrics.list(q) as Promise<[unknown[], number]>);
  }

  @Get(':id')
  @Policy('review.read')
  @ApiOperation({ summary: '審査基準1件' })
  get(@Param('id') id: string) {
    return this.rubrics.get(id);
  }

  @Put(':id')
  @Policy('review.configure')
  @ApiOperation({ summary: '審査基準の変更 (審査項目・加点項目は最初の採点まで。審査員数などの設定はいつでも)。監査ログに記録' })
  update(@Param('id') id: string, @Body() dto: UpdateRubricDto, @CurrentUser() user: AuthenticatedUser) {
    return this.rubrics.update(id, dto, user);
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Get()
  @Policy('review.read')
  @ApiOperation({ summary: '審査員と負荷 (未提出・期限超過・提出済・上限・利益相反の件数)。filter: q, roundId' })
  @ApiListQuery(REVIEWER_LIST)
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<ReviewerFilter, unknown>(res, 'reviewers', params, REVIEWER_LIST, (q) => this.reviewers.list(q));
  }

  @Get(':id')
  @Policy('review.read')
  @ApiOperation({ summary: '審査員1名と負荷' })
  get(@Param('id') id: string) {
    return this.reviewers.get(id);
  }

  @Put(':id')
  @Policy('review.configure')
  @ApiOperation({ summary: '審査員の所属組織と上限件数。所属の変更で利益相反となった未提出の割当は取消' })
  update(@Param('id') id: string, @Body() dto: ReviewerSettingsDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.reviewers.update(id, dto, user, requestMeta(req));
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('conflicts-of-interest')
export class ConflictsController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Get()
  @Policy('review.conflicts.read')
  @ApiOperation({ summary: '利益相反の申告 (filter: reviewerId, active)。審査員は自分の分のみ' })
  @ApiListQuery(CONFLICT_LIST)
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<ConflictFilter, unknown>(res, 'conflicts-of-interest', params, CONFLICT_LIST, (q) => this.reviewers.listConflicts(q, user));
  }

  @Get(':id')
  @Policy('review.conflicts.read')
  @ApiOperation({ summary: '利益相反の申告1件' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reviewers.getConflict(id, user);
  }

  @Post()
  @Policy('review.conflicts.declare')
  @ApiOperation({ summary: '利益相反の申告 (法人番号または組織名)。該当する未提出の割当は取消。監査ログに記録' })
  declare(@Body() dto: ConflictDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.reviewers.declare(dto, user, requestMeta(req));
  }

  @Delete(':id')
  @Policy('review.conflicts.revoke')
  @ApiOperation({ summary: '利益相反の申告を取り消す (監査ログに記録)' })
  revoke(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.reviewers.revokeConflict(id, user, requestMeta(req));
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('review-assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Policy('review.assignments.read')
  @ApiOperation({ summary: '割当の一覧 (filter: reviewerId, applicationId, roundId, purpose, state = open|submitted|revoked|overdue, q)。審査員は自分の分のみ' })
  @ApiListQuery(ASSIGNMENT_LIST)
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<AssignmentFilter, unknown>(res, 'review-assignments', params, ASSIGNMENT_LIST, (q) => this.assignments.list(q, user));
  }

  @Get(':id')
  @Policy('review.assignments.read')
  @ApiOperation({ summary: '割当1件' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.get(id, user);
  }

  @Post()
  @Policy('review.assign')
  @ApiOperation({ summary: '手動の割当 (利益相反・上限件数を確認)。監査ログに記録' })
  create(@Body() dto: CreateAssignmentDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.create(dto, user, requestMeta(req));
  }

  @Put(':id')
  @Policy('review.assign')
  @ApiOperation({ summary: '付け替え (reviewerId) や審査期限 (dueAt) の変更。監査ログに記録' })
  update(@Param('id') id: string, @Body() dto: UpdateAssignmentDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.update(id, dto, user, requestMeta(req));
  }

  @Delete(':id')
  @Policy('review.assign')
  @ApiOperation({ summary: '割当の取消 (提出済みは不可)。監査ログに記録' })
  revoke(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.revoke(id, user, requestMeta(req));
  }
}

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
  @ApiListQuery(ASSIGNMENT_LIST)
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<AssignmentFilter, unknown>(res, 'score-sheets', params, { ...ASSIGNMENT_LIST, defaultSort: ['dueAt', 'ASC'] }, (q) => this.assignments.list({ ...q, filter: { ...q.filter, purpose: 'review' } }, user));
  }

  @Get(':id')
  @Policy('review.scores.read')
  @ApiOperation({ summary: '採点票1件 (id = 割当のID): 審査基準、申請の概要、申告された加点項目、保存済みの採点' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sheets.get(id, user);
  }

  @Put(':id')
  @Policy('review.score')
  @ApiOperation({ summary: '採点の途中保存 (自分の採点票のみ)。最初の保存で審査基準が確定する' })
  save(@Param('id') id: string, @Body() dto: ScoreSheetDto, @CurrentUser() user: AuthenticatedUser) {
    return this.sheets.save(id, dto, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Policy('review.score')
  @ApiOperation({ summary: '採点の提出 (全項目必須)。最後の提出で書面審査が完了 (乖離があれば審査員を追加)' })
  submit(@Param('id') id: string, @Body() dto: ScoreSheetDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.sheets.submit(id, dto, user, requestMeta(req));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Policy('review.reopen')
  @ApiOperation({ summary: '提出済みの採点を再開 (管理者のみ、理由必須、監査ログに記録)' })
  reopen(@Param('id') id: string, @Body() dto: ReopenDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.sheets.reopen(id, dto.reason, user, requestMeta(req));
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('rounds')
export class RoundReviewController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly ranking: RankingService,
    private readonly adoption: AdoptionService,
    private readonly exports: ReviewExportsService,
  ) {}

  @Post(':roundId/assignments/auto')
  @HttpCode(200)
  @Policy('review.assign')
  @ApiOperation({ summary: '自動割当: 負荷を均し、上限件数を守り、利益相反のある審査員は割り当てない。割り当てられなかった申請は理由付きで返す' })
  autoAssign(@Param('roundId') roundId: string, @Body() dto: AutoAssignDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.autoAssign(roundId, dto, user, requestMeta(req));
  }

  @Get(':roundId/ranking')
  @Policy('adoption.simulate')
  @ApiOperation({ summary: '順位と採択シミュレーション (類型ごと): 予算・採択件数・補欠数を変えて採択ラインを試算。chart は全件の点数、entries は offset/limit の1ページ' })
  async rank(@Param('roundId') roundId: string, @Query() query: RankingPageDto) {
    const { offset, limit, ...request } = query;
    return rankingPage(await this.ranking.rank(roundId, request), offset, limit);
  }

  @Post(':roundId/decisions')
  @Policy('adoption.decide')
  @ApiOperation({ summary: '採択の確定: ライン上を採択、次の K 件を補欠、残りを不採択に一括で (1トランザクション、通知は採択発表まで保留)' })
  commit(@Param('roundId') roundId: string, @Body() dto: CommitDecisionDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.adoption.commit(roundId, dto, user, requestMeta(req));
  }

  @Get(':roundId/decisions')
  @Policy('adoption.simulate')
  @ApiOperation({ summary: '確定した採択判定の履歴' })
  decisions(@Param('roundId') roundId: string) {
    return this.adoption.decisionsOf(roundId);
  }

  @Get(':roundId/exports/adopted')
  @Policy('review.export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'categoryId', required: false })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '採択者一覧 (公表用: 受付番号, 事業者名, 法人番号, 都道府県, 事業計画名, 認定支援機関名)' })
  async adopted(@Param('roundId') roundId: string, @Query('format') format: string, @Query('categoryId') categoryId: string | undefined, @Res() res: Response) {
    const file = await this.exports.adoptedList(roundId, exportFormat(format), categoryId);
    res.attachment(file.fileName).type(file.contentType).send(file.body);
  }

  @Get(':roundId/exports/scores')
  @Policy('review.export')
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '採点の全件 (事務局用: 申請 × 審査員ごとの各項目の点数・合計・加点・総評)' })
  async scores(@Param('roundId') roundId: string, @Query('format') format: string, @Res() res: Response) {
    const file = await this.exports.scoring(roundId, exportFormat(format));
    res.attachment(file.fileName).type(file.contentType).send(file.body);
  }
}

function exportFormat(format: string | undefined): ExportFormat {
  if (format === undefined || format === 'csv') return 'csv';
  if (format === 'xlsx') return 'xlsx';
  throw new ReviewError('INVALID_EXPORT_FORMAT', { errors: [{ field: 'format', message: 'format は csv か xlsx です' }] });
}
