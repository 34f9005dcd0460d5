import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { CreateRoundDto, UpdateRoundDto } from './dto/round.dto';
import { RoundFilter, ROUND_LIST } from './rounds.repository';
import { RoundsService } from './rounds.service';
import { RoundDto, RoundWorkflowDto } from './dto/rounds-answers.dto';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get()
  @Policy('rules.read')
  @ApiOperation({
    summary:
      '公募回の一覧 (filter: programId, ruleSetId, status=upcoming|open|closed, q: 語ごとに公募回名・コード・制度名のいずれかに含まれるもの)。日時はUTC、*Jst は日本時間の表示',
  })
  @ApiListQuery(ROUND_LIST)
  @ApiOkResponse({ type: RoundDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<RoundFilter, unknown>(res, 'rounds', params, ROUND_LIST, (q) => this.rounds.list(q));
  }

  @Get(':id')
  @Policy('rules.read')
  @ApiOperation({ summary: '公募回1件 (募集する類型・予算・採択枠、日時は UTC と *Jst)' })
  @ApiOkResponse({ type: RoundDto })
  show(@Param('id') id: string) {
    return this.rounds.get(id);
  }

  @Get(':id/workflow')
  @Policy('rules.read')
  @ApiOperation({ summary: '公募回の申請が従うワークフロー定義 (状態・遷移) と Mermaid の状態遷移図' })
  @ApiOkResponse({ type: RoundWorkflowDto })
  workflow(@Param('id') id: string) {
    return this.rounds.workflow(id);
  }

  @Post()
  @Policy('rounds.write')
  @ApiOperation({ summary: '公募回の作成 (日時は時差付き ISO 8601、例 2022-03-24T18:00:00+09:00)' })
  @ApiCreatedResponse({ type: RoundDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateRoundDto) {
    return this.rounds.create(actor, dto);
  }

  @Put(':id')
  @Policy('rounds.write')
  @ApiOperation({ summary: '公募回の変更 (締切延長など。予算・版は公募開始前のみ変更可)' })
  @ApiOkResponse({ type: RoundDto })
  update(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: UpdateRoundDto) {
    return this.rounds.update(actor, id, dto);
  }
}
