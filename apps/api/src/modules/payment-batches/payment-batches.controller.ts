import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import { ConfirmPaymentBatchDto, CreatePaymentBatchDto } from './dto/payment-batch.dto';
import { PaymentBatchDto, PaymentBatchWithLinesDto } from './dto/payment-batch-answers.dto';
import type { PaymentBatchFilter } from './payment-batches.repository';
import { PAYMENT_BATCH_LIST, PaymentBatchesService } from './payment-batches.service';

/** 支払バッチ (docs/payments.md "Payment batches"): the 総合振込 of a round's applications due to be paid. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('payment-batches')
export class PaymentBatchesController {
  constructor(private readonly batches: PaymentBatchesService) {}

  @Get()
  @Policy('paymentBatches.read')
  @ApiOperation({ summary: '支払バッチの一覧。filter: roundId, status (open 未確定 / paid 支払済 / cancelled 取消)' })
  @ApiListQuery(PAYMENT_BATCH_LIST)
  @ApiOkResponse({ type: [PaymentBatchDto] })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<PaymentBatchFilter, unknown>(res, 'payment-batches', params, PAYMENT_BATCH_LIST, (q) => this.batches.list(q));
  }

  @Get(':id')
  @Policy('paymentBatches.read')
  @ApiOperation({ summary: '支払バッチ1件: 振込指定日、振込依頼人、各申請の支払額と口座、合計、対象外の申請とその理由' })
  @ApiOkResponse({ type: PaymentBatchWithLinesDto })
  get(@Param('id') id: string) {
    return this.batches.get(id);
  }

  @Post()
  @Policy('paymentBatches.write')
  @ApiOperation({
    summary:
      '支払バッチを作成: 公募回の額確定 (補助金、確定額) と給付決定 (給付金、給付額) の申請のうち、口座登録済みで他の未確定のバッチにないもの。口座のない申請は理由付きで対象外に記録。振込指定日は明日から15営業日先までの銀行営業日',
  })
  @ApiCreatedResponse({ type: PaymentBatchWithLinesDto })
  create(@Body() dto: CreatePaymentBatchDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.batches.create(dto, user, requestMeta(req));
  }

  @Get(':id/zengin')
  @Policy('paymentBatches.write')
  @ApiOkResponse({
    description: '総合振込ファイル (Shift_JIS)',
    content: { 'text/plain': { schema: { type: 'string', format: 'binary' } } },
    headers: { 'Content-Disposition': { description: 'attachment; filename="furikomi-YYYYMMDD.txt"', schema: { type: 'string' } } },
  })
  @ApiOperation({
    summary: '全銀協 総合振込ファイル (Shift_JIS、120バイトのレコード + CRLF) をダウンロード。合計件数・合計金額をバッチと照合し、監査ログに記録',
  })
  async zengin(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const file = await this.batches.download(id, user, requestMeta(req));
    res.set({
      'Content-Type': 'text/plain; charset=Shift_JIS',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    });
    return new StreamableFile(file.bytes);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Policy('paymentBatches.write')
  @ApiOperation({
    summary:
      '振込の確定: 銀行の振込日を記録し、各申請を支払済 (補助金) / 振込完了 (給付金) にする (一つのトランザクション)。申請者への通知と監査ログは遷移から。振込指定日 (日本の日付) より前は 422 TRANSFER_DATE_NOT_COME',
  })
  @ApiOkResponse({ type: PaymentBatchWithLinesDto })
  confirm(@Param('id') id: string, @Body() dto: ConfirmPaymentBatchDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.batches.confirm(id, dto, user, requestMeta(req));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Policy('paymentBatches.write')
  @ApiOperation({ summary: '未確定の支払バッチを取り消す。申請は別のバッチに入れられるようになる' })
  @ApiOkResponse({ type: PaymentBatchWithLinesDto })
  cancel(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.batches.cancel(id, user, requestMeta(req));
  }
}
