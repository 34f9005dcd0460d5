import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Policy } from '../../auth/policy.decorator';
import { QuoteRequestDto } from './dto/quote-request.dto';
import { QuotesService } from './quotes.service';
import { BenefitQuoteDto, SubsidyQuoteDto } from './dto/quote-answers.dto';

@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Post()
  @HttpCode(200)
  @Policy('quotes.compute')
  @ApiOperation({ summary: '補助金額 (給付額) の見込みを計算し、上限・補助率・下限・除外経費と日本語の説明を返す' })
  @ApiBody({
    type: QuoteRequestDto,
    examples: {
      restructuring: {
        summary: '事業再構築 通常枠 (中小, 従業員120人, 経費1.5億円)',
        value: {
          roundId: '<第6回公募のID>',
          categoryCode: 'restructuring.standard',
          applicant: { kind: 'corporation', sizeClass: 'sme', employeeCount: 120 },
          expenses: [{ expenseType: 'machinery', amount: 150_000_000, description: '製造ライン' }],
        },
      },
      benefit: {
        summary: '事業復活支援金 (法人, 年間売上高8,000万円)',
        value: {
          categoryId: '<事業復活支援金の類型ID>',
          benefit: {
            applicantKind: 'corporation',
            targetMonth: '2022-01',
            targetMonthSales: 1_000_000,
            basePeriod: '2020-11',
            basePeriodSales: [3_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000],
            annualRevenue: 80_000_000,
          },
        },
      },
    },
  })
  @ApiExtraModels(SubsidyQuoteDto, BenefitQuoteDto)
  @ApiOkResponse({
    description:
      'category（caveat: 制度設計中の注意書き、なければ null）+ QuoteResult (libs/domain: caveat を含む) + eligibility、または benefit (BenefitResult)',
    schema: { oneOf: [{ $ref: getSchemaPath(SubsidyQuoteDto) }, { $ref: getSchemaPath(BenefitQuoteDto) }] },
  })
  @ApiBadRequestResponse({ description: '入力の誤り: errors[] に項目 (field) ごとの日本語メッセージ' })
  compute(@Body() body: QuoteRequestDto) {
    return this.quotes.compute(body);
  }
}
