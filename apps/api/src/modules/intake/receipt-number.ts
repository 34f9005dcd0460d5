/**
 * 受付番号: `<prefix>-<8-digit sequence>`, e.g. RES05-00012345. The sequence is the round's own
 * PostgreSQL sequence (drawn with the round's context, RoundsRepository.context): nextval never waits for
 * other transactions (gaps are allowed), so numbers increase in order of receipt without serialising
 * concurrent submissions.
 */
export const formatReceiptNumber = (prefix: string, n: number) => `${prefix}-${String(n).padStart(8, '0')}`;

/** The round's prefix, or one derived from the programme code and round number (RES05). */
export const defaultReceiptPrefix = (programCode: string, roundNumber: number) =>
  `${programCode.slice(0, 3).toUpperCase()}${String(roundNumber).padStart(2, '0')}`;
