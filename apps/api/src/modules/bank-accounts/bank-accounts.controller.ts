import { Body, Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import type { BankAccountFilter } from './bank-accounts.repository';
import { BANK_ACCOUNT_LIST, BankAccountsService } from './bank-accounts.service';
import { CreateBankAccountDto, UpdateBankAccountDto } from './dto/bank-account.dto';
import { BankAccountDto } from './dto/bank-account-answers.dto';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('bank-accounts')
export class BankAccountsController {
  constructor(private readonly accounts: BankAccountsService) {}

  @Get()
  @Policy('bankAccounts.read')
  @ApiOperation({ summary: '受取人の口座 (1申請に1口座)。filter: applicationId, bankCode' })
  @ApiListQuery(BANK_ACCOUNT_LIST)
  @ApiOkResponse({ type: [BankAccountDto] })
  list(@Query() params: ListQueryDto, @Res({ passthrough: true }) res: Response) {
    return listPage<BankAccountFilter, unknown>(res, 'bank-accounts', params, BANK_ACCOUNT_LIST, (q) => this.accounts.list(q));
  }

  @Get(':id')
  @Policy('bankAccounts.read')
  @ApiOperation({ summary: '受取人の口座1件' })
  @ApiOkResponse({ type: BankAccountDto })
  get(@Param('id') id: string) {
    return this.accounts.get(id);
  }

  @Post()
  @Policy('bankAccounts.write')
  @ApiOperation({
    summary:
      '申請の受取人の口座を登録 (1申請に1口座。登録済みなら 409)。全銀協 総合振込ファイルの形で検査し、誤りは 422 INVALID_BANK_ACCOUNT で項目ごとに日本語のメッセージ。監査ログに記録',
  })
  @ApiCreatedResponse({ type: BankAccountDto })
  create(@Body() dto: CreateBankAccountDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.accounts.create(dto, user, requestMeta(req));
  }

  @Put(':id')
  @Policy('bankAccounts.write')
  @ApiOperation({ summary: '受取人の口座を変更 (登録と同じ検査、422)。変更前と変更後を監査ログに記録' })
  @ApiOkResponse({ type: BankAccountDto })
  update(@Param('id') id: string, @Body() dto: UpdateBankAccountDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.accounts.update(id, dto, user, requestMeta(req));
  }
}
