import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { AdoptionService } from './adoption.service';
import { AdoptionDecisionDto, CommittedDecisionDto } from './dto/adoption-answers.dto';
import { CommitDecisionDto } from './dto/ranking.dto';

// The operation ids are the ones these routes had before the review module was split, kept for API clients.
@ApiTags('review')
@ApiBearerAuth()
@Controller('rounds')
export class DecisionsController {
  constructor(private readonly adoption: AdoptionService) {}

  @Post(':roundId/decisions')
  @Policy('adoption.decide')
  @ApiOperation({
    operationId: 'RoundReviewController_commit',
    summary: '採択の確定: ライン上を採択、次の K 件を補欠、残りを不採択に一括で (1トランザクション、通知は採択発表まで保留)',
  })
  @ApiCreatedResponse({ type: CommittedDecisionDto })
  commit(@Param('roundId') roundId: string, @Body() dto: CommitDecisionDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.adoption.commit(roundId, dto, user, requestMeta(req));
  }

  @Get(':roundId/decisions')
  @Policy('adoption.simulate')
  @ApiOperation({ operationId: 'RoundReviewController_decisions', summary: '確定した採択判定の履歴' })
  @ApiOkResponse({ type: [AdoptionDecisionDto], description: '新しい順' })
  decisions(@Param('roundId') roundId: string) {
    return this.adoption.decisionsOf(roundId);
  }
}
