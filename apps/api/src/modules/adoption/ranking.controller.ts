import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy.decorator';
import { RankingAnswerDto } from './dto/adoption-answers.dto';
import { RankingPageDto } from './dto/ranking.dto';
import { RankingService } from './ranking.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('rounds')
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Get(':roundId/ranking')
  @Policy('adoption.simulate')
  // the operation id this route had before the review module was split, kept for API clients
  @ApiOperation({
    operationId: 'RoundReviewController_rank',
    summary:
      '順位と採択シミュレーション (類型ごと): 予算・採択件数・補欠数を変えて採択ラインを試算。chart は全件の点数、entries は offset/limit の1ページ。standing は類型の予算・採択済・要件確認中/書面審査中の件数、committed は確定済みの判定 (あれば) とその順位',
  })
  @ApiOkResponse({ type: RankingAnswerDto })
  async rank(@Param('roundId') roundId: string, @Query() query: RankingPageDto) {
    const { offset, limit, ...request } = query;
    return this.ranking.answer(roundId, request, offset, limit);
  }
}
