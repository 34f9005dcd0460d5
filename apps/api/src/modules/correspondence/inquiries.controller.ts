import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Policy } from '../../auth/policy.decorator';
import type { AuthenticatedUser } from '../../auth/roles';
import { ApiListQuery } from '../../common/api-list-query.decorator';
import { listPage } from '../../common/list-query';
import { ListQueryDto } from '../../common/list-query.dto';
import { requestMeta } from '../../common/request-meta';
import type { InquiryFilter } from './correspondence.repository';
import { CorrespondenceService, INQUIRY_LIST } from './correspondence.service';
import { CreateInquiryDto } from './dto/correspondence.dto';
import { InquiryDto } from './dto/correspondence-answers.dto';

@ApiTags('correspondence')
@ApiBearerAuth()
@Controller('inquiries')
export class InquiriesController {
  constructor(private readonly correspondence: CorrespondenceService) {}

  @Get()
  @Policy('inquiries.read')
  @ApiOperation({
    summary: '問い合わせの記録 (filter: applicationId, channel, direction, staffId, occurredFrom, occurredTo)。審査員は担当する申請の分のみ',
  })
  @ApiListQuery(INQUIRY_LIST)
  @ApiOkResponse({ type: [InquiryDto] })
  list(@Query() params: ListQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    return listPage<InquiryFilter, unknown>(res, 'inquiries', params, INQUIRY_LIST, (q) => this.correspondence.listInquiries(q, user));
  }

  @Get(':id')
  @Policy('inquiries.read')
  @ApiOperation({ summary: '問い合わせの記録1件' })
  @ApiOkResponse({ type: InquiryDto })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.correspondence.getInquiry(id, user);
  }

  @Post()
  @Policy('inquiries.write')
  @ApiOperation({ summary: '申請者との問い合わせを記録 (日時、電話/メール/窓口、受信/発信、要旨。対応者はログイン中の職員)。監査ログに記録' })
  @ApiCreatedResponse({ type: InquiryDto })
  create(@Body() dto: CreateInquiryDto, @CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.correspondence.createInquiry(dto, user, requestMeta(req));
  }
}
