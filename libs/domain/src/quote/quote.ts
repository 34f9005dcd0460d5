/**
 * quote(category, applicant, expenses): 補助金額（見込み） of one application, computed from the
 * category's configuration as data. Pure, never throws on bad input: problems carry a field path
 * and a Japanese message (the API answers 400 with them); a valid input that does not qualify is
 * `eligible: false` with `ineligibility` reasons. Amounts are integer yen truncated to 1円 at the
 * end of every step.
 */
import { formatMan, formatYen } from '../money';
import { SIZE_CLASSES, SIZE_CLASS_LABELS, validateCategoryConfig, type CategoryConfig, type SubsidyCategoryConfig } from '../category';
import type { SizeClass } from '../applicant';
import type { ExcludedLine, ExpenseLine, QuoteApplicant, QuoteIneligibility, QuoteProblem, QuoteResult } from './quote.types';
import { classifyLines } from './classify-lines';
import { priceItemized, priceMultiCompanyIt, priceRate, type PricingOutcome } from './price';
import { capLines, partLines, shareLimitLines } from './explain';

const caveatOf = (category: { caveat?: unknown }): string | null =>
  typeof category?.caveat === 'string' && category.caveat.trim() !== '' ? category.caveat : null;

/** The explanation's line for a caveat: the rules may still change. */
export const caveatLine = (caveat: string): string => `注意（今後変更の可能性あり）: ${caveat}`;

const empty = (category: { code?: string; caveat?: unknown }) => ({
  categoryCode: typeof category?.code === 'string' ? category.code : '',
  caveat: caveatOf(category),
  eligible: false,
  amount: 0,
  eligibleExpenseTotal: 0,
  parts: [],
  cap: null,
  shareLimit: null,
  floor: null,
  excludedLines: [] as ExcludedLine[],
  ineligibility: [] as QuoteIneligibility[],
});

const rejected = (category: CategoryConfig, problems: QuoteProblem[]): QuoteResult => ({
  ...empty(category),
  problems,
  explanation: problems.map((p) => `入力エラー: ${p.message}`),
});

const notAdmitted = (config: SubsidyCategoryConfig, sizeClass: SizeClass, excludedLines: ExcludedLine[]): QuoteResult => {
  const admitted = config.admittedSizeClasses.map((c) => SIZE_CLASS_LABELS[c]).join('・');
  const message = `${config.name} の対象は ${admitted} です。申請者の規模区分（${SIZE_CLASS_LABELS[sizeClass]}）は対象外です`;
  return {
    ...empty(config),
    excludedLines,
    problems: [],
    ineligibility: [{ code: 'sizeClassNotAdmitted', message }],
    explanation: [config.name, ...(config.caveat ? [caveatLine(config.caveat)] : []), `対象外: ${message}`],
  };
};

const price = (config: SubsidyCategoryConfig, lines: Parameters<typeof priceRate>[2], applicant: QuoteApplicant): PricingOutcome => {
  switch (config.pricing.kind) {
    case 'rate':
      return priceRate(config.pricing, config.name, lines, applicant);
    case 'itemized':
      return priceItemized(config.pricing, lines, applicant);
    case 'multiCompanyIt':
      return priceMultiCompanyIt(config.pricing, lines, applicant);
  }
};

const checkCategory = (category: CategoryConfig): QuoteProblem[] => {
  if (category?.kind !== 'subsidy') {
    const name = typeof category?.name === 'string' ? category.name : '';
    return [{ code: 'notASubsidyCategory', field: 'category', message: `category（類型）${name} は補助金の類型ではないため補助金額を算定できません` }];
  }
  const configProblems = validateCategoryConfig(category);
  return configProblems.length === 0
    ? []
    : [
        {
          code: 'invalidCategoryConfig',
          field: 'category',
          message: `category（類型 ${category.code}）の設定に誤りがあります: ${configProblems.map((p) => p.message).join(' / ')}`,
        },
      ];
};

/**
 * `applicant` and `expenses` are typed for callers but checked at run time, since they come from a
 * form: anything malformed is reported in `problems`.
 */
export const quote = (category: CategoryConfig, applicant: QuoteApplicant, expenses: readonly ExpenseLine[]): QuoteResult => {
  const categoryProblems = checkCategory(category);
  if (categoryProblems.length > 0) return rejected(category, categoryProblems);
  const config = category as SubsidyCategoryConfig;
  const problems: QuoteProblem[] = [];
  const sizeClass = applicant?.sizeClass;
  if (sizeClass === undefined || !SIZE_CLASSES.includes(sizeClass)) {
    problems.push({
      code: 'missingSizeClass',
      field: 'applicant.sizeClass',
      message: `applicant.sizeClass（規模区分: ${SIZE_CLASSES.join(' / ')}）を指定してください`,
    });
  }
  const lines = classifyLines(config, expenses);
  problems.push(...lines.problems);
  if (problems.length > 0) return rejected(config, problems);
  if (!config.admittedSizeClasses.includes(sizeClass as SizeClass)) return notAdmitted(config, sizeClass as SizeClass, [...lines.excluded]);

  const outcome = price(config, lines.included, applicant ?? {});
  if (outcome.problems.length > 0) return rejected(config, outcome.problems);
  const eligibleExpenseTotal = lines.included.reduce((sum, l) => sum + l.line.amount, 0);
  const ineligibility = [...outcome.ineligibility];
  if (ineligibility.length === 0 && outcome.amount === 0) {
    // every line excluded: each named with its reason, which is what the applicant can change
    const onlyExcluded = lines.included.length === 0 && lines.excluded.length > 0;
    ineligibility.push({
      code: 'zeroAmount',
      message: onlyExcluded
        ? `補助対象経費がないため対象外です（${lines.excluded.map((x) => `経費明細 #${x.index + 1}: ${x.reason}`).join('、')}）`
        : '補助金額が0円のため対象外です（補助対象経費がない、又は制限により0円）',
    });
  }
  const floor =
    config.floor === undefined || ineligibility.length > 0 ? null : { amount: config.floor, met: outcome.amount >= config.floor, computed: outcome.amount };
  if (floor && !floor.met) {
    ineligibility.push({
      code: 'belowFloor',
      message: `補助金額 ${formatYen(outcome.amount)} が補助下限額 ${formatMan(floor.amount)} に満たないため対象外です`,
    });
  }
  const eligible = ineligibility.length === 0;

  const caveat = caveatOf(config);
  const explanation = [
    config.name,
    ...(caveat ? [caveatLine(caveat)] : []),
    ...lines.excluded.map((x) => `経費明細 #${x.index + 1}: 対象外（${x.reason}）`),
    `補助対象経費 合計 ${formatYen(eligibleExpenseTotal)}`,
    ...partLines(outcome.parts),
  ];
  const multiPart = !(outcome.parts.length === 1 && outcome.parts[0].code === 'main');
  if (multiPart) {
    const partSum = outcome.parts.reduce((s, p) => s + p.amount, 0);
    if (outcome.parts.length > 1) explanation.push(`各部分の合計 ${formatYen(partSum)}`);
    const capLabel = config.pricing.kind === 'multiCompanyIt' ? '(1)基盤導入経費+(2)消費動向等分析経費の' : '合計の';
    explanation.push(...capLines(outcome.cap, outcome.capComputed, capLabel));
  }
  explanation.push(...shareLimitLines(outcome.shareLimit));
  if (floor) explanation.push(`補助下限額 ${formatMan(floor.amount)}: ${floor.met ? '満たす' : '満たさない'}`);
  explanation.push(...ineligibility.map((i) => `対象外: ${i.message}`));
  explanation.push(eligible ? `補助金額（見込み） ${formatYen(outcome.amount)}` : '補助金額（見込み） 0円（対象外）');

  return {
    categoryCode: config.code,
    caveat,
    eligible,
    amount: eligible ? outcome.amount : 0,
    eligibleExpenseTotal,
    parts: outcome.parts,
    cap: outcome.cap,
    shareLimit: outcome.shareLimit,
    floor,
    excludedLines: lines.excluded,
    problems: [],
    ineligibility,
    explanation,
  };
};
