/**
 * What to show a person for a refused request: the API's messages per field (joined by ' / ') when it
 * names fields, else its message (the error body is `{ statusCode, code, message, errors? }`, which the
 * data provider hands on as `body.fieldErrors`).
 */
export function apiErrorMessage(error: unknown): string {
  const e = error as { message?: string; body?: { fieldErrors?: { message: string }[] } };
  const fields = e.body?.fieldErrors?.map((f) => f.message) ?? [];
  return fields.length ? fields.join(' / ') : (e.message ?? String(error));
}
