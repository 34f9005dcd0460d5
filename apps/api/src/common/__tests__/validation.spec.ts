import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from '../validation.pipe';

const err = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({
  property,
  constraints,
  children,
});

describe('flattenValidationErrors', () => {
  it('names nested fields by path and words built-in rules in Japanese', () => {
    const rows = flattenValidationErrors([
      err('expenses', undefined, [err('2', undefined, [err('amount', { isInt: 'amount must be an integer number' })])]),
      err('email', { isEmail: 'email must be an email' }),
    ]);
    expect(rows).toEqual([
      { field: 'expenses[2].amount', message: 'expenses[2].amount は整数で指定してください' },
      { field: 'email', message: 'email はメールアドレスの形式で指定してください' },
    ]);
  });

  it('says a missing text is missing, once, and not that it is too long', () => {
    const missing = {
      ...err('reason', {
        isString: '理由を入力してください',
        hasText: '理由を入力してください',
        maxLength: 'reason must be shorter than or equal to 2000 characters',
      }),
      value: undefined,
    };
    expect(flattenValidationErrors([missing])).toEqual([{ field: 'reason', message: '理由を入力してください' }]);
    // a text too long still says so
    const long = { ...err('reason', { maxLength: 'reason must be shorter than or equal to 2000 characters' }), value: 'あ'.repeat(2001) };
    expect(flattenValidationErrors([long])).toHaveLength(1);
  });

  it('says a value that is not a list is not one, and not that it has too many items', () => {
    const notAList = {
      ...err('expenses', { isArray: 'expenses must be an array', arrayMaxSize: 'expenses (経費) は200件までです。件数が多すぎます' }),
      value: 'y',
    };
    expect(flattenValidationErrors([notAList])).toEqual([{ field: 'expenses', message: expect.not.stringContaining('多すぎます') }]);
    // a list too long still says so
    const long = { ...err('expenses', { arrayMaxSize: 'expenses (経費) は200件までです。件数が多すぎます' }), value: new Array(201).fill({}) };
    expect(flattenValidationErrors([long])).toEqual([{ field: 'expenses', message: expect.stringContaining('多すぎます') }]);
  });

  it('says a missing number is missing, not that it is too large', () => {
    const missing = {
      ...err('acceptedAmount', { max: 'acceptedAmount が大きすぎます', isInt: 'acceptedAmount は0以上の整数 (円) で指定してください' }),
      value: undefined,
    };
    expect(flattenValidationErrors([missing])).toEqual([{ field: 'acceptedAmount', message: 'acceptedAmount は0以上の整数 (円) で指定してください' }]);
    const large = { ...err('acceptedAmount', { max: 'acceptedAmount が大きすぎます' }), value: 10 ** 15 };
    expect(flattenValidationErrors([large])).toEqual([{ field: 'acceptedAmount', message: 'acceptedAmount が大きすぎます' }]);
  });

  it('says which rule a list’s element broke (each: true), and never refuses without a word', () => {
    const negative = {
      ...err('basePeriodSales', { min: 'benefit.basePeriodSales は0以上の整数 (円) で指定してください' }),
      value: [300_000, -1, 300_000],
    };
    expect(flattenValidationErrors([negative])).toEqual([
      { field: 'basePeriodSales', message: 'benefit.basePeriodSales は0以上の整数 (円) で指定してください' },
    ]);
    const longCode = { ...err('flags', { maxLength: 'flags (経費の属性) の各コードは100文字以内です' }), value: ['x'.repeat(101)] };
    expect(flattenValidationErrors([longCode])).toEqual([{ field: 'flags', message: 'flags (経費の属性) の各コードは100文字以内です' }]);
    // a bound of something that is neither a number nor a list of numbers, with nothing else to say: still said
    const odd = { ...err('amount', { max: 'amount が大きすぎます' }), value: true };
    expect(flattenValidationErrors([odd])).toEqual([{ field: 'amount', message: 'amount が大きすぎます' }]);
  });

  it('keeps a Japanese message a DTO wrote itself', () => {
    expect(flattenValidationErrors([err('corporateNumber', { matches: '法人番号は13桁の数字です' })])).toEqual([
      { field: 'corporateNumber', message: '法人番号は13桁の数字です' },
    ]);
  });
});
