// Instants are shown to people in Asia/Tokyo, to the second: one formatter for the whole product.
export { formatJst } from '@jimukyoku/domain';

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
