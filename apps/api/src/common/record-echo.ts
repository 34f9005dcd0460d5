import 'reflect-metadata';

const READ_ONLY_FIELDS = Symbol('readOnlyFieldsOfRecord');

/**
 * Declares, on a resource's update DTO (PUT /api/<resource>/:id), the fields of its record (as GET answers it) that the
 * update does not take: its id, the server's own fields (createdAt, status, counts, names joined from other tables).
 * react-admin's stock data provider (ra-data-simple-rest) sends the whole record back on an update; these fields are
 * ignored. Any other key the DTO does not declare is still refused, so a misspelt field is never dropped unseen.
 * `record-echo.e2e.ts` sends every resource's record back unchanged, which keeps each list whole.
 */
export const ReadOnlyRecordFields =
  (...fields: string[]): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(READ_ONLY_FIELDS, Object.freeze(fields), target);

/** `body` without the read-only fields `dto` declares (the body itself when it declares none, or is not an object). */
export function withoutReadOnlyFields(dto: unknown, body: unknown): unknown {
  const fields: readonly string[] | undefined = typeof dto === 'function' ? Reflect.getMetadata(READ_ONLY_FIELDS, dto) : undefined;
  if (!fields || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !fields.includes(key)));
}
