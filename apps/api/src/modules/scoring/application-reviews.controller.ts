import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApplicationReviewsDto } from './dto/scoring-answers.dto';
import { ScoreSheetsService } from './score-sheets.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationReviewsController {
  constructor(private readonly sheets: ScoreSheetsService) {}

  @Get(':id/reviews')
  @Policy('review.scores.read')
  // the operation id this route had before the review module was split, kept for API clients
  @ApiOperation({ operationId: 'FormalCheckController_reviews', summary: '申請の全審査員の採点と集計。審査員は自分の採点を提出した後にだけ見られる' })
  @ApiOkResponse({ type: ApplicationReviewsDto })
  reviews(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sheets.reviewsOf(id, user);
  }
}
