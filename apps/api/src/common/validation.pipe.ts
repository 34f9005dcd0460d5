import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { japaneseConstraintMessage } from './validation-messages';

/** Flattens class-validator errors into `{ field, message }` rows (nested fields as `a.b[0].c`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: japaneseConstraintMessage(constraint, field, message),
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Whitelisting DTO validation; a bad body is a 400 listing each field with a message a person can act on. */
export const appValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const rows = flattenValidationErrors(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: `入力内容に誤りがあります: ${rows.map((r) => r.message).join('、')}`,
        errors: rows,
      });
    },
  });
