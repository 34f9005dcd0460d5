import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { CreateRuleSetDto, UpdateRuleSetDto } from './dto/rules.dto';
import { RuleSetFilter, RULE_SET_LIST } from './rules.repository';
import { RulesService } from './rules.service';
import { RuleSetDto } from './dto/rules-answers.dto';

@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @Policy('rules.read')
  @ApiOperation({ summary: '予算・版 (rule set) の一覧 (filter: programId, q)' })
  @ApiListQuery(RULE_SET_LIST)
  @ApiOkResponse({ type: RuleSetDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<RuleSetFilter, unknown>(res, 'rule-sets', params, RULE_SET_LIST, (q) => this.rules.listRuleSets(q));
  }

  @Get(':id')
  @Policy('rules.read')
  @ApiOperation({ summary: '予算・版1件' })
  @ApiOkResponse({ type: RuleSetDto })
  show(@Param('id') id: string) {
    return this.rules.getRuleSet(id);
  }

  @Post()
  @Policy('rules.write')
  @ApiOperation({ summary: '予算・版の追加' })
  @ApiCreatedResponse({ type: RuleSetDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateRuleSetDto) {
    return this.rules.createRuleSet(actor, dto);
  }

  @Put(':id')
  @Policy('rules.write')
  @ApiOperation({
    summary: '予算・版の名称等の変更 (申請受付済み = ロック済みの版を変える変更は 409。保存済みと同じ内容なら何も書かず 200 で保存済みの版を返す)',
  })
  @ApiOkResponse({ type: RuleSetDto })
  update(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: UpdateRuleSetDto) {
    return this.rules.updateRuleSet(actor, id, dto);
  }

  @Post(':id/versions')
  @Policy('rules.write')
  @ApiOperation({ summary: '新しい版を作成 (類型を複製)。ロック済みの版を変更したいときに使う' })
  @ApiCreatedResponse({ type: RuleSetDto, description: '新しい版 (類型も写す)' })
  newVersion(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string) {
    return this.rules.newVersion(actor, id);
  }
}
