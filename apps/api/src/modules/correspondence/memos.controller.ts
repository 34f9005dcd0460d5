import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import type { MemoFilter } from './correspondence.repository';
import { CorrespondenceService, MEMO_LIST } from './correspondence.service';
import { CreateMemoDto } from './dto/correspondence.dto';
import { MemoDto } from './dto/correspondence-answers.dto';

@ApiTags('correspondence')
@ApiBearerAuth()
@Controller('application-memos')
export class MemosController {
  constructor(private readonly correspondence: CorrespondenceService) {}

  @Get()
  @Policy('memos.read')
  @ApiOperation({ summary: '申請の内部メモ (職員のみ。filter: applicationId, authorId)。審査員は担当する申請の分のみ' })
  @ApiListQuery(MEMO_LIST)
  @ApiOkResponse({ type: [MemoDto] })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<MemoFilter, unknown>(res, 'application-memos', params, MEMO_LIST, (q) => this.correspondence.listMemos(q, user));
  }

  @Get(':id')
  @Policy('memos.read')
  @ApiOperation({ summary: '内部メモ1件' })
  @ApiOkResponse({ type: MemoDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.correspondence.getMemo(id, user);
  }

  @Post()
  @Policy('memos.write')
  @ApiOperation({ summary: '申請に内部メモを追加 (変更・削除はできない)。監査ログに記録。審査員は担当する申請のみ' })
  @ApiCreatedResponse({ type: MemoDto })
  create(@Body() dto: CreateMemoDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.correspondence.createMemo(dto, user, requestMeta(req));
  }
}
