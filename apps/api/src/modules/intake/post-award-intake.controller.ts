import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PostAwardFilingReceiptDto } from './dto/intake-answers.dto';
import type { Response } from 'express';
import { PostAwardFilingDto } from '../post-award/dto/post-award.dto';
import type { PostAwardStep } from '../post-award/post-award-steps';
import { ApiKeyAuth, ChannelRequest } from './api-key.guard';
import { answer, idempotencyKey } from './intake.controller';
import { PostAwardIntakeService } from './post-award-intake.service';
import { UnprocessableInput } from './unprocessable.filter';

const KEY_HEADER = { name: 'Idempotency-Key', required: false, description: '再送しても1回だけ受け付けるためのキー (同じキー・同じ内容 → 最初の応答)' };

/**
 * The applicant's steps after 採択 through the portal (docs/post-award.md): the channel that handed the
 * application over files them for it. Same API key, Idempotency-Key and 422 error shape as the submission.
 */
@ApiTags('intake')
@Controller('intake/applications')
@ApiKeyAuth()
@UnprocessableInput()
export class PostAwardIntakeController {
  constructor(private readonly postAward: PostAwardIntakeService) {}

  private file(req: ChannelRequest, res: Response, id: string, step: PostAwardStep, dto: PostAwardFilingDto, key: string | undefined) {
    return this.postAward.file(req.channel, id, step, dto, idempotencyKey(key)).then((r) => answer(res, r));
  }

  @Post(':id/grant-application')
  @HttpCode(200)
  @ApiOperation({ summary: '交付申請 (採択発表の後): 契約する予定の経費 (expenses)。補助金額は規則で算定し、採択額を超えると 422' })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  grantApplication(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'grantApplication', dto, key);
  }

  @Post(':id/performance-report')
  @HttpCode(200)
  @ApiOperation({ summary: '実績報告: 実際に支払った経費 (expenses) と証拠書類 (attachmentIds、1件以上)' })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  performanceReport(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'performanceReport', dto, key);
  }

  @Post(':id/advance-payment')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '概算払請求 (交付決定の後、公募回が概算払を認める場合): 支払済みの経費 (expenses) と証拠書類 (attachmentIds、1件以上)。額は規則で算定し、交付決定額のうち未払の額まで。認めない公募回は 422 ADVANCE_PAYMENT_NOT_ALLOWED',
  })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  advancePayment(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'advancePayment', dto, key);
  }

  @Post(':id/plan-change')
  @HttpCode(200)
  @ApiOperation({ summary: '計画変更承認申請 (交付決定の後): 変更の内容 (description)、必要なら変更後の経費と書類' })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  planChange(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'planChange', dto, key);
  }

  @Post(':id/abandonment')
  @HttpCode(200)
  @ApiOperation({ summary: '事業廃止承認申請 (交付決定の後): 理由 (reason) は必須。承認されると補助事業は終了する' })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  abandonment(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'abandonment', dto, key);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: '取下げ (交付決定の前まで): 理由 (reason) は必須' })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  withdrawal(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'withdrawal', dto, key);
  }

  @Post(':id/commercialization-reports')
  @HttpCode(200)
  @ApiOperation({ summary: '事業化状況報告 (支払の後、毎年): 対象年度 (fiscalYear)、売上高 (sales) と書類' })
  @ApiHeader(KEY_HEADER)
  @ApiOkResponse({ type: PostAwardFilingReceiptDto })
  commercializationReport(
    @Req() req: ChannelRequest,
    @Param('id') id: string,
    @Body() dto: PostAwardFilingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.file(req, res, id, 'commercializationReport', dto, key);
  }
}
