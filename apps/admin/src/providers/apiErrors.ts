import { HttpError } from 'ra-core';

/** One row of the API's `errors` (validation and other per-field problems). */
export interface ApiFieldError {
  field: string;
  message: string;
}

/** The API's error body: `{ statusCode, code, message, errors?, field? }`, message in Japanese. */
export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  errors?: unknown;
  /** some feature errors name the one field at fault (rounds: `closesAt`, rules: `code`) */
  field?: unknown;
  [extra: string]: unknown;
}

/**
 * Error codes whose field the API does not name but the form obviously has (EMAIL_TAKEN comes from
 * a uniqueness check, not from validation).
 */
const FIELD_OF_CODE: Record<string, string> = {
  EMAIL_TAKEN: 'email',
  CODE_TAKEN: 'code',
  ROUND_NUMBER_TAKEN: 'number',
};

/** `categories[0].budget` (the API's path) → `categories.0.budget` (react-hook-form's). */
export const toFormPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** The `errors` rows of an API error body, with anything malformed dropped. */
export function fieldErrorsOf(body: ApiErrorBody | undefined): ApiFieldError[] {
  const rows: ApiFieldError[] = Array.isArray(body?.errors)
    ? (body.errors as unknown[]).filter(
        (e): e is ApiFieldError => typeof (e as ApiFieldError)?.field === 'string' && typeof (e as ApiFieldError)?.message === 'string',
      )
    : [];
  const single = typeof body?.field === 'string' ? body.field : body?.code ? FIELD_OF_CODE[body.code] : undefined;
  if (rows.length === 0 && single && typeof body?.message === 'string') rows.push({ field: single, message: body.message });
  return rows;
}

/**
 * The API's `errors: [{ field, message }]` in the shape react-admin 5 expects on a failed save,
 * `HttpError.body.errors = { fieldPath: message, root: { serverError: message } }`: the create and
 * edit controllers return it to the form, which puts each message under its input and shows
 * `root.serverError` (the API's Japanese summary) as the notification instead of the generic
 * 「入力内容に誤りがあります」. Two messages for one field are joined. Undefined when no field is named.
 */
export function toFormErrors(body: ApiErrorBody | undefined): Record<string, unknown> | undefined {
  const rows = fieldErrorsOf(body);
  if (rows.length === 0) return undefined;
  const errors: Record<string, unknown> = {};
  for (const { field, message } of rows) {
    const path = toFormPath(field);
    errors[path] = errors[path] ? `${errors[path]} / ${message}` : message;
  }
  if (typeof body?.message === 'string' && body.message) errors.root = { serverError: body.message };
  return errors;
}

/**
 * Re-shapes a failure for react-admin: the message stays the API's Japanese one, `body.code` stays
 * (authProvider.checkError reads it), the raw rows move to `body.fieldErrors`, and `body.errors`
 * becomes the form-errors object, or goes away when no field is named (react-admin would otherwise
 * take the array for field errors and swallow the notification).
 */
export function toReactAdminError(error: unknown): unknown {
  if (!(error instanceof HttpError) || !error.body || typeof error.body !== 'object') return error;
  const body = error.body as ApiErrorBody;
  const { errors: _raw, ...rest } = body;
  const formErrors = toFormErrors(body);
  const reshaped = new HttpError(error.message, error.status, { ...rest, fieldErrors: fieldErrorsOf(body), ...(formErrors ? { errors: formErrors } : {}) });
  reshaped.stack = error.stack;
  return reshaped;
}
