import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { CreateProgramDto, UpdateProgramDto } from './dto/rules.dto';
import { ProgramFilter, PROGRAM_LIST } from './rules.repository';
import { RulesService } from './rules.service';
import { ProgramDto } from './dto/rules-answers.dto';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @Policy('rules.read')
  @ApiOperation({ summary: '事業の一覧 (filter: q, kind)' })
  @ApiListQuery(PROGRAM_LIST)
  @ApiOkResponse({ type: ProgramDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<ProgramFilter, unknown>(res, 'programs', params, PROGRAM_LIST, (q) => this.rules.listPrograms(q));
  }

  @Get(':id')
  @Policy('rules.read')
  @ApiOperation({ summary: '事業1件' })
  @ApiOkResponse({ type: ProgramDto })
  show(@Param('id') id: string) {
    return this.rules.getProgram(id);
  }

  @Post()
  @Policy('rules.write')
  @ApiOperation({ summary: '事業の追加' })
  @ApiCreatedResponse({ type: ProgramDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateProgramDto) {
    return this.rules.createProgram(actor, dto);
  }

  @Put(':id')
  @Policy('rules.write')
  @ApiOperation({ summary: '事業の名称・区分の変更' })
  @ApiOkResponse({ type: ProgramDto })
  update(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: UpdateProgramDto) {
    return this.rules.updateProgram(actor, id, dto);
  }
}
