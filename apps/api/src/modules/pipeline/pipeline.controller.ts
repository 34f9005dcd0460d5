import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { ReviewerReminderDto, RoundPipelineDto } from './dto/pipeline-answers.dto';
import { PipelineService } from './pipeline.service';

@ApiTags('pipeline')
@ApiBearerAuth()
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly pipeline: PipelineService) {}

  @Get()
  @Policy('pipeline.read')
  @ApiOperation({
    summary: '公募回ごとの状況 (ダッシュボード): 日ごとの受付件数と締切、状態別の件数、類型ごとの予算と採択額、要件確認・書面審査の進み具合 (審査員別)',
  })
  @ApiOkResponse({ type: [RoundPipelineDto], description: '公募回ごと (締切の新しい順)' })
  rounds() {
    return this.pipeline.rounds();
  }

  @Post('rounds/:roundId/reviewers/:reviewerId/remind')
  @Policy('pipeline.remind')
  @ApiOperation({
    summary:
      '催促: 審査員の、この公募回で期限を過ぎた未提出の審査について審査期限超過の催促メール (reviewOverdue: 審査期限を過ぎています) を送る。監査ログに記録。直近1時間に催促した割当は除く (何もなければ 409)',
  })
  @ApiCreatedResponse({ type: ReviewerReminderDto })
  remind(@Param('roundId') roundId: string, @Param('reviewerId') reviewerId: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.pipeline.remindReviewer(roundId, reviewerId, user, requestMeta(req));
  }
}
