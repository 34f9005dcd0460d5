import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage, MAX_PAGE_SIZE, parseListQuery, TOTAL_ESTIMATED_HEADER } from '../../common/list-query';
import { requestMeta } from '../../common/request-meta';
import { ListQueryDto } from '../../common/list-query.dto';
import { ApplicationFilter, APPLICATION_LIST } from './application-list-spec';
import { ApplicationsService } from './applications.service';
import { ApplicationDto, ApplicationRowDto, BulkTransitionAnswerDto, TransitionAnswerDto } from './dto/application-answers.dto';
import { BulkTransitionDto, TransitionDto } from './dto/transition.dto';
import { ApplicationError } from './transitions.errors';
import { TransitionsService } from './transitions.service';

const BULK_LIMIT = 10_000;
const staffActor = (user: AuthenticatedUser) => ({ role: user.role, id: user.id, staff: user });

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly transitions: TransitionsService,
  ) {}

  @Get()
  @Policy('applications.read')
  @ApiOperation({
    summary:
      '申請の一覧 (filter: roundId, categoryId, status (配列可), prefecture, sizeClass, q = 事業者名・法人番号・受付番号)。審査員は割当分のみ。各行は一覧の項目 (受付番号・事業者名・類型・状態・申請額・受付日時など) だけで、経費・見積・連絡先・生年月日などは GET /api/applications/:id',
  })
  @ApiListQuery(APPLICATION_LIST)
  @ApiOkResponse({
    type: [ApplicationRowDto],
    headers: {
      'Content-Range': { description: 'applications 開始-終了/総数', schema: { type: 'string', example: 'applications 0-24/1000000' } },
      [TOTAL_ESTIMATED_HEADER]: {
        description: 'true: 総数は PostgreSQL の推定値 (LIST_EXACT_COUNT_LIMIT 件を超える絞り込み。管理画面は「約 N 件」と表示)。false: 数えた正確な件数',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
    },
  })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<ApplicationFilter, unknown>(res, 'applications', params, APPLICATION_LIST, (q) => this.applications.list(q, user));
  }

  @Get(':id')
  @Policy('applications.read')
  @ApiOperation({
    summary:
      '申請1件: 監査ログの履歴 (timeline) と、いま実行できる操作 (transitions) 付き。未確定の支払バッチに含まれる間は、そのバッチ (paymentBatch) を示し操作は空。見られない申請は 404',
  })
  @ApiOkResponse({ type: ApplicationDto })
  show(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.show(id, user);
  }

  @Post('bulk-transitions')
  @HttpCode(200)
  @Policy('applications.bulkTransition')
  @ApiOperation({ summary: '一括操作: 申請ごとに全部か無しか。申請ごとの結果を返す' })
  @ApiOkResponse({ type: BulkTransitionAnswerDto })
  async bulk(@Body() dto: BulkTransitionDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    // an id listed twice is one item (the pipe has put every UUID in lower case)
    if (!dto.ids && !dto.filter) throw new ApplicationError('BULK_SELECTION_REQUIRED');
    // the filter as the list checks it (400 INVALID_LIST_QUERY naming a key it does not know, or a bad value):
    // a misspelt key left out would widen the selection to every application the user may see
    const ids = dto.ids
      ? [...new Set(dto.ids)]
      : await this.idsByFilter(parseListQuery<ApplicationFilter>({ filter: JSON.stringify(dto.filter) }, APPLICATION_LIST).filter, user);
    if (ids.length === 0) throw new ApplicationError(dto.ids ? 'BULK_SELECTION_REQUIRED' : 'BULK_NOTHING_MATCHED');
    const results = await this.transitions.fireBulk(ids, dto.transition, staffActor(user), { reason: dto.reason, ...requestMeta(req) });
    return {
      transition: dto.transition,
      total: results.length,
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }

  @Post(':id/transitions/:name')
  @HttpCode(200)
  @Policy('applications.transition')
  @ApiOperation({ summary: '状態遷移を1つ実行 (状態・監査ログ・通知を1トランザクションで記録)。同時に2つ来たら後の方は 409' })
  @ApiOkResponse({ type: TransitionAnswerDto })
  async transition(
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() dto: TransitionDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
  ) {
    const outcome = await this.transitions.fire(id, name, staffActor(user), { reason: dto.reason, expectedVersion: dto.expectedVersion, ...requestMeta(req) });
    return { transition: outcome.transition, application: await this.applications.show(id, user) };
  }

  private async idsByFilter(filter: ApplicationFilter, user: AuthenticatedUser): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      // counted exactly up to BULK_LIMIT: an estimated total is more than that
      const [rows, total, estimated] = await this.applications.list(
        { filter, sortField: 'createdAt', sortOrder: 'ASC', offset, limit: MAX_PAGE_SIZE },
        user,
        BULK_LIMIT,
      );
      if (estimated || total > BULK_LIMIT) throw new ApplicationError('BULK_TOO_LARGE', { total });
      ids.push(...rows.map((r) => r.id));
      if (rows.length < MAX_PAGE_SIZE) return ids;
    }
  }
}
