import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { CompleteFormalCheckDto, SaveFormalCheckDto } from './dto/formal-check.dto';
import { FormalCheckService } from './formal-check.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('applications')
export class FormalCheckController {
  constructor(private readonly formalChecks: FormalCheckService) {}

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
}
