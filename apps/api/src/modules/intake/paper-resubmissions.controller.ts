import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { IntakeReceiptDto } from './dto/intake-answers.dto';
import { PaperResubmissionDto } from './dto/paper-resubmission.dto';
import { IntakeService } from './intake.service';

/** Staff recording, on the applicant's behalf, what an applicant handed in on paper. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class PaperResubmissionsController {
  constructor(private readonly intake: IntakeService) {}

  @Post(':id/paper-resubmissions')
  @HttpCode(200)
  @Policy('applications.recordOnBehalf')
  @ApiOperation({
    summary:
      '紙で受け付けた (一括登録した) 申請の補正を、申請者に代わって再提出として記録する。申請内容は電子申請の再提出と同じ確認を受け、受け取った書類と受領の記録が監査ログに残る',
  })
  @ApiOkResponse({ type: IntakeReceiptDto, description: '電子申請の再提出と同じ受付の記録' })
  resubmit(@Param('id') id: string, @Body() dto: PaperResubmissionDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.intake.resubmitOnPaper(user, id, dto, requestMeta(req));
  }
}
