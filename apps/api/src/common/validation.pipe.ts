import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { InputProblem, undeclaredNulls, unsafeValues } from './hostile-input';
import { canonicalUuids } from './is-uuid';
import { withoutReadOnlyFields } from './record-echo';
import { japaneseConstraintMessage } from './validation-messages';

const LENGTH_CONSTRAINTS: ReadonlySet<string> = new Set(['minLength', 'maxLength', 'isLength']);
const ARRAY_SIZE_CONSTRAINTS: ReadonlySet<string> = new Set(['arrayMinSize', 'arrayMaxSize', 'arrayNotEmpty']);
const NUMBER_BOUND_CONSTRAINTS: ReadonlySet<string> = new Set(['min', 'max']);

/** Flattens class-validator errors into `{ field, message }` rows (nested fields as `a.b[0].c`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    // a value missing or not text: its length says nothing (an absent reason read 「…が長すぎます」), nor a list's
    // size of what is not a list (`"expenses": "y"` read 「件数が多すぎます」), nor a bound of what is not a number
    // (an absent acceptedAmount read 「大きすぎます」); two constraints saying the same
    // (IsString and HasText: 「…を入力してください」) say it once
    // a rule given `each: true` judges a list's elements (`basePeriodSales: [300000, -1, …]` is refused by its Min)
    const judged = Array.isArray(e.value) ? (e.value as unknown[]) : [e.value];
    const constraints = Object.entries(e.constraints ?? {});
    const telling = constraints
      .filter(([constraint]) => judged.some((v) => typeof v === 'string') || !LENGTH_CONSTRAINTS.has(constraint))
      .filter(([constraint]) => Array.isArray(e.value) || !ARRAY_SIZE_CONSTRAINTS.has(constraint))
      .filter(([constraint]) => judged.some((v) => typeof v === 'number') || !NUMBER_BOUND_CONSTRAINTS.has(constraint));
    // a refusal always says something: when every message was set aside, all of them
    const messages = (telling.length > 0 ? telling : constraints).map(([constraint, message]) => japaneseConstraintMessage(constraint, field, message));
    const own = [...new Set(messages)].map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

const refused = (rows: InputProblem[]) =>
  new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: `入力内容に誤りがあります: ${rows.map((r) => r.message).join('、')}`,
    errors: rows,
  });

/**
 * Whitelisting DTO validation; a bad body is a 400 listing each field with a message a person can act
 * on. Before the DTO's own rules: no NUL character and no number beyond a safe integer in any body,
 * query or path value; after them: no `null` in a body field the DTO does not declare nullable, and every
 * UUID in lower case (`canonicalUuids`). An update's body may carry its record's read-only fields (`record-echo.ts`),
 * which are dropped before the rules.
 */
export class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const unsafe = unsafeValues(value, metadata.data ?? '');
      if (unsafe.length > 0) throw refused(unsafe);
    }
    // an update may echo its record's read-only fields (react-admin's stock provider sends the whole record)
    const input = metadata.type === 'body' ? withoutReadOnlyFields(metadata.metatype, value) : value;
    const result: unknown = await super.transform(input, metadata);
    if (metadata.type === 'body') {
      const nulls = undeclaredNulls(result);
      if (nulls.length > 0) throw refused(nulls);
    }
    return metadata.type === 'custom' ? result : canonicalUuids(result);
  }
}

export const appValidationPipe = () =>
  new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => refused(flattenValidationErrors(errors)),
  });
