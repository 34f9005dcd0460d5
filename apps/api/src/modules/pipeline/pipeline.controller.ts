import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy.decorator';
import { PipelineService } from './pipeline.service';

@ApiTags('pipeline')
@ApiBearerAuth()
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly pipeline: PipelineService) {}

  @Get()
  @Policy('pipeline.read')
  @ApiOperation({ summary: '公募回ごとの状況 (ダッシュボード): 状態別の件数、類型ごとの予算と採択額、要件確認・書面審査の進み具合' })
  rounds() {
    return this.pipeline.rounds();
  }
}
