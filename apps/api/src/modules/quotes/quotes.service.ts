import { BadRequestException, Injectable } from '@nestjs/common';
import { ApplicantProfile, computeBenefit, EligibilityContext, quoteWithEligibility } from '@jimukyoku/domain';
import type { Category } from '../programs/category.entity';
import { RulesRepository } from '../programs/rules.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import type { QuoteRequestDto } from './dto/quote-request.dto';

const badField = (field: string, message: string) => new BadRequestException({ code: 'INVALID_QUOTE_REQUEST', message, errors: [{ field, message }] });

/**
 * 補助金額の見込み: resolves the category (by id, or by round + code), runs the pure `quote()` or
 * `computeBenefit()` of libs/domain and the eligibility checks. Bad input is a 400 naming the field;
 * an applicant who does not qualify is a normal answer (`eligible: false` with reasons).
 */
@Injectable()
export class QuotesService {
  constructor(
    private readonly rules: RulesRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  async compute(req: QuoteRequestDto) {
    const category = await this.resolveCategory(req);
    const config = category.config;
    // caveat: what the briefing says is still being designed for the 類型 (the quote may change with it)
    const head = { category: { id: category.id, code: category.code, name: category.name, kind: category.kind, caveat: config.caveat ?? null } };
    if (config.kind === 'benefit') {
      if (!req.benefit) throw badField('benefit', 'benefit (事業復活支援金の売上高) を指定してください');
      return { ...head, benefit: computeBenefit(req.benefit) };
    }
    if (config.kind !== 'subsidy') throw badField('categoryId', `${config.name} は委託のため補助金額の見込みを計算できません`);
    if (!req.expenses) throw badField('expenses', 'expenses (補助対象経費) を1件以上指定してください');
    const applicant = (req.applicant ?? {}) as Partial<ApplicantProfile>;
    // context.subsidyAmount is the 補助金額 the applicant means to apply for: it is what the 3,000万 金融機関 rule reads
    const { subsidyAmount, ...context } = (req.context ?? {}) as EligibilityContext;
    const { quote: result, eligibility } = quoteWithEligibility(config, applicant as ApplicantProfile, req.expenses, context, subsidyAmount);
    if (result.problems.length > 0) {
      throw new BadRequestException({
        code: 'INVALID_QUOTE_REQUEST',
        message: `入力内容に誤りがあります: ${result.problems.map((p) => p.message).join('、')}`,
        errors: result.problems.map((p) => ({ field: p.field, message: p.message })),
      });
    }
    return { ...head, ...result, eligibility };
  }

  private async resolveCategory(req: QuoteRequestDto): Promise<Category> {
    if (req.categoryId) {
      const category = await this.rules.findCategory(req.categoryId);
      if (!category) throw badField('categoryId', `categoryId: 指定された類型 (${req.categoryId}) はありません`);
      return category;
    }
    if (req.roundId && req.categoryCode) {
      const category = (await this.rounds.context(req.roundId, req.categoryCode))?.category ?? null;
      if (!category) throw badField('categoryCode', `categoryCode: 公募回に類型「${req.categoryCode}」はありません`);
      return category;
    }
    throw badField('categoryId', 'categoryId、または roundId と categoryCode を指定してください');
  }
}
