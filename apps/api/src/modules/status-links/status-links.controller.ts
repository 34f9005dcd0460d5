import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { RevokedStatusLinksDto } from './dto/status-links-answers.dto';
import { StatusLinksService } from './status-links.service';

@ApiTags('status-links')
@ApiBearerAuth()
@Controller('applications/:id/status-links')
export class StatusLinksController {
  constructor(private readonly links: StatusLinksService) {}

  @Post('revoke')
  @HttpCode(200)
  @Policy('statusLinks.revoke')
  @ApiOperation({
    summary: '申請状況ページへのリンクを無効にする (この申請のリンクすべて)。次に申請者へ送るメールには新しいリンクが記載される。監査ログに記録',
  })
  @ApiOkResponse({ type: RevokedStatusLinksDto })
  revoke(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.links.revoke(id, user, requestMeta(req));
  }
}
