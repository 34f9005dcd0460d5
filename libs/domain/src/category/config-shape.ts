/**
 * The shape of a subsidy 類型 configuration: which fields are lists, objects, text, numbers or flags, as
 * category.types.ts declares them. validateCategoryConfig checks the shape first and the rules (brackets,
 * rates, coverage) only on a configuration of the right shape, so that neither it nor quote() meets a number
 * where a list belongs (the configuration is JSON an administrator enters).
 *
 * A field given with the wrong type (null included) is a problem; a field left out is the rules' concern
 * (they name what is required), except the rate rule's `when`, which pricing reads without a default.
 */
import { problem, type ConfigProblem } from './validate-rules';

type Shape =
  | 'text'
  | 'number'
  | 'flag'
  | 'any'
  | { readonly list: Shape }
  | { readonly fields: Readonly<Record<string, Shape>>; readonly required?: readonly string[] }
  | { readonly byKind: Readonly<Record<string, Shape>> };

const TEXTS: Shape = { list: 'text' };
const RATE: Shape = { fields: { numerator: 'number', denominator: 'number' } };
const ASSUMED = { assumption: 'text' } as const;

/** CapRule: each kind its own fields; `base` of a group bonus is a cap again. */
const CAP: Shape = {
  byKind: {
    fixed: { fields: { ...ASSUMED, amount: 'number', per: 'text' } },
    byEmployees: { fields: { ...ASSUMED, brackets: { list: { fields: { min: 'number', max: 'number', amount: 'number' } } } } },
    bySizeClass: { fields: { ...ASSUMED, entries: { list: { fields: { sizeClasses: TEXTS, cap: 'any' } } } } },
    perParticipant: { fields: { ...ASSUMED, amountPerParticipant: 'number' } },
    groupBonus: { fields: { ...ASSUMED, base: 'any', bonusPerParticipant: RATE, countsLead: 'flag' } },
    none: { fields: ASSUMED },
  },
};

const RATE_RULE: Shape = {
  fields: {
    ...ASSUMED,
    label: 'text',
    when: { fields: { sizeClasses: TEXTS, lossMaking: 'flag', inRehabilitation: 'flag' } },
    tiers: { list: { fields: { rate: RATE, upToSubsidy: 'number' } } },
  },
  required: ['when'],
};
const RATE_RULES: Shape = { list: RATE_RULE };
const ITEMS: Shape = { list: { fields: { itemKind: 'text', label: 'text', rates: RATE_RULES, cap: CAP } } };

const PRICING: Shape = {
  byKind: {
    rate: { fields: { rates: RATE_RULES, cap: CAP, shareLimit: { fields: { label: 'text', expenseTypes: TEXTS, maxShare: RATE } } } },
    itemized: { fields: { items: ITEMS, cap: CAP } },
    multiCompanyIt: {
      fields: {
        items: ITEMS,
        analysis: { fields: { expenseTypes: TEXTS, rates: RATE_RULES, cap: CAP } },
        baseAndAnalysisCap: CAP,
        admin: { fields: { expenseTypes: TEXTS, rates: RATE_RULES, shareOfBaseAndAnalysis: RATE } },
      },
    },
  },
};

const SUBSIDY: Shape = {
  fields: {
    // code, name, caveat, requirements, floor and reconsiderIn: the rules check their types themselves
    ...ASSUMED,
    admittedSizeClasses: TEXTS,
    pricing: PRICING,
    expenseTypes: { list: { fields: { code: 'text', label: 'text', itemKind: 'text' } } },
    exclusions: { list: { fields: { code: 'text', reason: 'text', expenseTypes: TEXTS, itemKinds: TEXTS, flags: TEXTS } } },
  },
};

const EXPECTED: Record<'text' | 'number' | 'flag', string> = { text: '文字列', number: '数値', flag: 'true か false' };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_PROBLEMS = 20;

/** Where a subsidy configuration's fields have the wrong type; empty when its shape is right. */
export function subsidyShapeProblems(config: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const wrong = (path: string, expected: string) => out.push(problem(path, 'wrongType', `${path}: ${expected}で指定してください`));
  const walk = (value: unknown, shape: Shape, path: string, depth: number): void => {
    if (out.length >= MAX_PROBLEMS || shape === 'any') return;
    if (shape === 'text' || shape === 'number' || shape === 'flag') {
      const ok = shape === 'text' ? typeof value === 'string' : shape === 'number' ? typeof value === 'number' : typeof value === 'boolean';
      if (!ok) wrong(path, EXPECTED[shape]);
      return;
    }
    if ('list' in shape) {
      if (!Array.isArray(value)) return void wrong(path, '配列');
      value.forEach((v, i) => walk(v, shape.list, `${path}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(value)) return void wrong(path, 'オブジェクト');
    if ('byKind' in shape) {
      const kind = value.kind;
      // an unknown kind is the rules' problem (they name the kinds there are)
      if (typeof kind === 'string' && Object.prototype.hasOwnProperty.call(shape.byKind, kind)) {
        const cases = shape.byKind[kind];
        // a cap inside a cap (bySizeClass, groupBonus) has a cap's shape
        walk(value, cases, path, depth + 1);
        if (depth < 8 && kind === 'bySizeClass' && Array.isArray(value.entries))
          value.entries.forEach((e, i) => isObject(e) && e.cap !== undefined && walk(e.cap, CAP, `${path}.entries[${i}].cap`, depth + 1));
        if (depth < 8 && kind === 'groupBonus' && value.base !== undefined) walk(value.base, CAP, `${path}.base`, depth + 1);
      } else if (typeof kind !== 'string' && kind !== undefined) wrong(`${path}.kind`, '文字列');
      return;
    }
    for (const [key, inner] of Object.entries(shape.fields)) {
      const v = value[key];
      if (v === undefined) {
        if (shape.required?.includes(key)) out.push(problem(`${path}.${key}`, 'required', `${path}.${key}: 指定してください`));
        continue;
      }
      walk(v, inner, `${path}.${key}`, depth + 1);
    }
  };
  walk(config, SUBSIDY, '', 0);
  // paths start at the configuration's fields: "pricing.rates[0].when", not ".pricing…"
  return out.map((p) => ({ ...p, path: p.path.replace(/^\./, ''), message: p.message.replace(/^\./, '') }));
}
