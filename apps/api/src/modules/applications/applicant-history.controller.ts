import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApplicantHistoryService } from './applicant-history.service';
import { ApplicantHistoryDto } from './dto/application-answers.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicantHistoryController {
  constructor(private readonly history: ApplicantHistoryService) {}

  @Get(':id/history')
  @Policy('applications.history')
  @ApiOperation({
    summary:
      '申請履歴: 同じ事業者の他の公募回・他の事業の申請 (採択と金額) と審査担当への注意 (採択済みの申請と同じ経費、重複する事業での採択)。法人番号・インボイス登録番号で一致、個人事業者は事業者名・住所・生年月日で推定一致 (docs/applicant-history.md)。見られない申請は 404、開けない履歴は id なし',
  })
  @ApiOkResponse({ type: ApplicantHistoryDto })
  show(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.history.history(id, user);
  }
}
