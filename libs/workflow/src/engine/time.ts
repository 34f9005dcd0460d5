// Instants are shown to people in Asia/Tokyo. Japan has no daylight saving, so a fixed +09:00 offset
// is exact and keeps the output independent of the machine's ICU data.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** e.g. 2024年3月1日 18:00 (JST) */
export function formatJst(instant: Date): string {
  const d = new Date(instant.getTime() + JST_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
