import type { UnconvertedManager } from '../applications/applications.repository';

/**
 * 受付番号: `<prefix>-<8-digit sequence>`, e.g. RES05-00012345. The sequence is the round's own
 * PostgreSQL sequence (IntakeRepository.drawReceipt in intake.repository.ts): nextval never waits for
 * other transactions (gaps are allowed), so numbers increase in order of receipt without serialising
 * concurrent submissions.
 */
export const formatReceiptNumber = (prefix: string, n: number) => `${prefix}-${String(n).padStart(8, '0')}`;

/** The round's prefix, or one derived from the programme code and round number (RES05). */
export const defaultReceiptPrefix = (programCode: string, roundNumber: number) =>
  `${programCode.slice(0, 3).toUpperCase()}${String(roundNumber).padStart(2, '0')}`;

/**
 * The next 受付番号 of a round, with a seed step's TypeORM manager (the demo seeds).
 * @deprecated application code calls IntakeRepository.drawReceipt / nextReceiptNumber.
 */
export async function nextReceiptNumber(m: UnconvertedManager, roundId: string, prefix: string): Promise<string> {
  const { IntakeRepository } = await import('./intake.repository');
  return new IntakeRepository(m.connection).nextReceiptNumber(roundId, prefix, m);
}
