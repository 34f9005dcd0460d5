import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { AssignmentsService } from './assignments.service';
import { AutoAssignResultDto } from './dto/assignment-answers.dto';
import { AutoAssignDto } from './dto/assignment.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('rounds')
export class RoundAssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post(':roundId/assignments/auto')
  @HttpCode(200)
  @Policy('review.assign')
  // the operation id these routes had before the review module was split, kept for API clients
  @ApiOperation({
    operationId: 'RoundReviewController_autoAssign',
    summary: '自動割当: 負荷を均し、上限件数を守り、利益相反のある審査員は割り当てない。割り当てられなかった申請は理由付きで返す',
  })
  @ApiOkResponse({ type: AutoAssignResultDto })
  autoAssign(@Param('roundId') roundId: string, @Body() dto: AutoAssignDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.assignments.autoAssign(roundId, dto, user, requestMeta(req));
  }
}
