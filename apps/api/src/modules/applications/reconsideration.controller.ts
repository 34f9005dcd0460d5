import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { ApplicationsService } from './applications.service';
import { ReconsiderationAnswerDto } from './dto/application-answers.dto';
import { ReconsiderationDto } from './dto/reconsideration.dto';
import { ReconsiderationService } from './reconsideration.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ReconsiderationController {
  constructor(
    private readonly reconsideration: ReconsiderationService,
    private readonly applications: ApplicationsService,
  ) {}

  @Post(':id/reconsideration')
  @HttpCode(200)
  @Policy('applications.reconsider')
  @ApiOperation({
    summary:
      '別の類型で再審査 (事業再構築: 特別枠 → 同じ公募回の通常枠)。審査完了・補欠の申請を、類型の reconsiderIn が挙げ公募回が設ける類型へ移し、補助金額を移す類型で再計算、評価点と監査ログは引き継ぎ、申請者への通知は採択発表まで保留 (1トランザクション)。移せない類型・要件を満たさない類型は 422',
  })
  @ApiOkResponse({ type: ReconsiderationAnswerDto })
  async reconsider(@Param('id') id: string, @Body() dto: ReconsiderationDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    const outcome = await this.reconsideration.reconsider(id, dto, user, requestMeta(req));
    return { ...outcome, application: await this.applications.show(id, user) };
  }
}
