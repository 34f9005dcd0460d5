import { HttpException, HttpStatus } from '@nestjs/common';

export type ErrorTable = Record<string, readonly [HttpStatus, string]>;

/**
 * One error type per feature: a table of codes, each with its HTTP status and the message a person
 * can act on (Japanese). The body is `{ code, message, ...extra }`, which HttpErrorFilter completes.
 */
export function errorFamily<T extends ErrorTable>(table: T) {
  return class FeatureError extends HttpException {
    constructor(
      readonly code: keyof T & string,
      extra: Record<string, unknown> = {},
      message?: string,
    ) {
      super({ code, message: message ?? table[code][1], ...extra }, table[code][0]);
    }
  };
}
