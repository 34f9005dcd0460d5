import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { requestMeta } from '../../common/request-meta';
import { FinalInspectionDto, PaperFilingDto } from './dto/post-award.dto';
import { PostAwardViewDto } from './dto/post-award-answers.dto';
import { AmountFixingDto, GrantRevocationDto, RepaymentReceivedDto } from './dto/repayment.dto';
import { PostAwardService } from './post-award.service';
import { RepaymentsService } from './repayments.service';

/** Staff's side of the post-award half (docs/post-award.md): amounts by the rules, and paper filings. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class PostAwardController {
  constructor(
    private readonly postAward: PostAwardService,
    private readonly repayments: RepaymentsService,
  ) {}

  @Get(':id/post-award')
  @Policy('applications.read')
  @ApiOperation({ summary: '交付申請から額の確定までの金額 (採択額・交付申請額・交付決定額・確定検査・確定額) と、採択後の届出の一覧' })
  @ApiOkResponse({ type: PostAwardViewDto })
  show(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.postAward.show(user, id);
  }

  @Post(':id/grant-decision')
  @HttpCode(200)
  @Policy('postAward.decideGrant')
  @ApiOperation({
    summary: '交付決定: 交付決定額は交付申請の経費から規則で算定し (入力しない)、採択額を超えない。交付決定の通知は決定額を記載する',
  })
  @ApiOkResponse({ type: PostAwardViewDto })
  decideGrant(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.postAward.decideGrant(user, id, requestMeta(req));
  }

  @Put(':id/final-inspection')
  @Policy('postAward.inspect')
  @ApiOperation({
    summary: '確定検査の記録: 実績報告の経費明細ごとに認める額 (報告額以下) と、減額するときはその理由。記載のない明細は報告額どおり。監査ログに残る',
  })
  @ApiOkResponse({ type: PostAwardViewDto })
  inspect(@Param('id') id: string, @Body() dto: FinalInspectionDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.postAward.inspect(user, id, dto, requestMeta(req));
  }

  @Post(':id/amount-fixing')
  @HttpCode(200)
  @Policy('postAward.fixAmount')
  @ApiOperation({
    summary:
      '額の確定: 確定額は確定検査で認めた経費から規則で算定し (入力しない)、交付決定額を超えない。概算払の支払済額が確定額を超えるときは、その超過額の返還を同時に求める (納期限は repaymentDueDate、省略時は30日後)',
  })
  @ApiOkResponse({ type: PostAwardViewDto })
  fixAmount(@Param('id') id: string, @Body() dto: AmountFixingDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.postAward.fixAmount(user, id, requestMeta(req), dto);
  }

  @Post(':id/paper-filings')
  @HttpCode(200)
  @Policy('applications.recordOnBehalf')
  @ApiOperation({
    summary:
      '紙で受け付けた申請の採択後の届出 (交付申請・実績報告・計画変更・事業廃止・取下げ・事業化状況報告) を、申請者に代わって記録する。電子申請と同じ確認を受け、受け取った書類と受領の記録が監査ログに残る',
  })
  @ApiOkResponse({ type: PostAwardViewDto })
  fileOnPaper(@Param('id') id: string, @Body() dto: PaperFilingDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.postAward.fileOnPaper(user, id, dto, requestMeta(req));
  }

  @Post(':id/grant-revocation')
  @HttpCode(200)
  @Policy('postAward.revokeGrant')
  @ApiOperation({
    summary:
      '交付決定取消: 理由と返還の納期限 (14日以上先の日本時間の日付) を指定する。返還額は支払済みの額から規則で算定し (入力しない)、未払いなら返還なしで返還済になる',
  })
  @ApiOkResponse({ type: PostAwardViewDto })
  revokeGrant(@Param('id') id: string, @Body() dto: GrantRevocationDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.repayments.revoke(user, id, dto, requestMeta(req));
  }

  @Post(':id/repayments')
  @HttpCode(200)
  @Policy('postAward.recordRepayment')
  @ApiOperation({
    summary:
      '返還の入金の記録 (入金日・入金額、一部入金可)。未返還額を超える入金は422。全額の入金で返還済になる。監査ログに残る。Idempotency-Key を付けた再送は記録を増やさず、現在の状態を返す (Idempotent-Replayed: true)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '再送しても入金を1回だけ記録するためのキー (同じキー・同じ内容 → 記録済みの状態を返す。別の内容 → 422)',
  })
  @ApiOkResponse({ type: PostAwardViewDto })
  async recordRepayment(
    @Param('id') id: string,
    @Body() dto: RepaymentReceivedDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // read from the request, not by @Headers(), which also listed the header in the OpenAPI a second time, as required
    const key = req.header('idempotency-key');
    const { view, replayed } = await this.repayments.receive(user, id, dto, requestMeta(req), key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
