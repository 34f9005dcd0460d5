import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { FormalCheckAnswerViewDto, FormalCheckCompletionDto } from './dto/formal-check-answers.dto';
import { CompleteFormalCheckDto, SaveFormalCheckDto } from './dto/formal-check.dto';
import { FormalCheckService } from './formal-check.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('applications')
export class FormalCheckController {
  constructor(private readonly formalChecks: FormalCheckService) {}

  @Get(':id/formal-check')
  @Policy('formalCheck.read')
  @ApiOperation({ summary: '要件確認のチェックリスト (類型の必要書類・要件・認定支援機関・誓約)、保存済みの回答、この手続で選べる結果 (outcomes)' })
  @ApiOkResponse({ type: FormalCheckAnswerViewDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.formalChecks.get(id, user);
  }

  @Put(':id/formal-check')
  @Policy('formalCheck.write')
  @ApiOperation({ summary: '要件確認の回答を保存 (途中保存)。受付済みの申請は要件確認中になる' })
  @ApiOkResponse({ type: FormalCheckAnswerViewDto })
  save(@Param('id') id: string, @Body() dto: SaveFormalCheckDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.formalChecks.save(id, dto.answers, user, requestMeta(req));
  }

  @Post(':id/formal-check/complete')
  @HttpCode(200)
  @Policy('formalCheck.write')
  @ApiOperation({
    summary:
      '要件確認を完了: 手続定義が定める遷移を実行 (GET の outcomes)。補助金は pass = 審査へ / return = 差戻し / ineligible = 要件不適合、IT導入補助金は pass = 適を記録 (交付決定で参照) / return = 差戻し、給付金は pass = 審査開始 / return = 不備',
  })
  @ApiOkResponse({ type: FormalCheckCompletionDto })
  complete(@Param('id') id: string, @Body() dto: CompleteFormalCheckDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.formalChecks.complete(id, dto, user, requestMeta(req));
  }
}
