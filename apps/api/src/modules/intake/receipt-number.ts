import type { EntityManager } from 'typeorm';

/**
 * 受付番号: `<prefix>-<8-digit sequence>`, e.g. RES05-00012345. The sequence is the round's own
 * PostgreSQL sequence: nextval never waits for other transactions (gaps are allowed), so numbers
 * increase in order of receipt without serialising concurrent submissions.
 */
export const formatReceiptNumber = (prefix: string, n: number) => `${prefix}-${String(n).padStart(8, '0')}`;

/** The round's prefix, or one derived from the programme code and round number (RES05). */
export const defaultReceiptPrefix = (programCode: string, roundNumber: number) => `${programCode.slice(0, 3).toUpperCase()}${String(roundNumber).padStart(2, '0')}`;

export async function nextReceiptNumber(m: EntityManager, roundId: string, prefix: string): Promise<string> {
  const [row] = await m.query(`SELECT nextval(round_receipt_sequence_name($1)) AS n`, [roundId]);
  return formatReceiptNumber(prefix, Number(row.n));
}

/** The next 受付番号 and the database clock at the same statement: the application's received-at instant. */
export async function drawReceipt(m: EntityManager, roundId: string, prefix: string): Promise<{ receiptNumber: string; receivedAt: Date }> {
  const [row] = await m.query(`SELECT nextval(round_receipt_sequence_name($1)) AS n, clock_timestamp() AS at`, [roundId]);
  return { receiptNumber: formatReceiptNumber(prefix, Number(row.n)), receivedAt: row.at as Date };
}
