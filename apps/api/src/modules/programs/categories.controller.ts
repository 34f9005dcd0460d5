import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/rules.dto';
import { CategoryFilter, CATEGORY_LIST } from './rules.repository';
import { RulesService } from './rules.service';
import { CategoryDto, CategoryViewDto } from './dto/rules-answers.dto';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @Policy('rules.read')
  @ApiOperation({ summary: '類型の一覧 (filter: ruleSetId, programId, kind, q)。summary に上限・補助率・下限の要約' })
  @ApiListQuery(CATEGORY_LIST)
  @ApiOkResponse({ type: CategoryViewDto, isArray: true })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<CategoryFilter, unknown>(res, 'categories', params, CATEGORY_LIST, (q) => this.rules.listCategories(q));
  }

  @Get(':id')
  @Policy('rules.read')
  @ApiOperation({ summary: '類型1件 (設定の全体と要約)' })
  @ApiOkResponse({ type: CategoryViewDto })
  show(@Param('id') id: string) {
    return this.rules.getCategory(id);
  }

  @Post()
  @Policy('rules.write')
  @ApiOperation({ summary: '類型の追加 (設定は検証され、誤りは項目ごとに 400)' })
  @ApiCreatedResponse({ type: CategoryViewDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateCategoryDto) {
    return this.rules.createCategory(actor, dto);
  }

  @Put(':id')
  @Policy('rules.write')
  @ApiOperation({
    summary: '類型設定の変更 (ロック済みの版を変える変更は 409: 新しい版を作成してください。保存済みと同じ設定なら何も書かず 200)。GET と同じ形で答える',
  })
  @ApiOkResponse({ type: CategoryViewDto })
  update(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string, @Body() dto: UpdateCategoryDto) {
    return this.rules.updateCategory(actor, id, dto.config);
  }

  @Delete(':id')
  @Policy('rules.write')
  @ApiOperation({ summary: '類型の削除 (ロックされておらず、どの公募回も募集していない類型のみ)' })
  @ApiOkResponse({ type: CategoryDto, description: '削除した類型' })
  remove(@CurrentUser() actor: AuthenticatedUser, @Param('id') id: string) {
    return this.rules.deleteCategory(actor, id);
  }
}
