import { formatYen, hasVisibleText, type ExpenseLine } from '@jimukyoku/domain';
import type { InspectionLineDto } from './dto/post-award.dto';
import type { InspectionLine } from './grant-amount.entity';
import { PostAwardError } from './post-award.errors';

/**
 * The 確定検査's lines (docs/post-award.md): every expense of the 実績報告 accepted as reported, but for those the
 * inspector names (`given`), each at most its reported amount and, when reduced, with the reason. A line is named to a
 * person as they count it (経費明細 1 for the first) with its description, else its 経費区分's name (`typeLabel`); its
 * `index` in a request is 0-based.
 */
export function inspectedLines(
  actual: readonly ExpenseLine[],
  given: readonly InspectionLineDto[],
  typeLabel: (expenseType: string) => string,
): InspectionLine[] {
  const lines: InspectionLine[] = actual.map((e, index) => ({
    index,
    expenseType: e.expenseType,
    ...(e.description ? { description: e.description } : {}),
    reported: e.amount,
    accepted: e.amount,
    reason: null,
  }));
  const seen = new Set<number>();
  given.forEach((l, i) => {
    const line = lines[l.index];
    if (!line || seen.has(l.index))
      throw new PostAwardError('INVALID_INSPECTION', {
        errors: [{ field: `lines[${i}].index`, message: `経費明細 ${l.index + 1} は実績報告にないか、二度指定されています（1〜${lines.length}）` }],
      });
    seen.add(l.index);
    if (l.acceptedAmount > line.reported)
      throw new PostAwardError(
        'ABOVE_REPORTED_AMOUNT',
        { field: `lines[${i}].acceptedAmount` },
        `経費明細 ${l.index + 1}（${line.description ?? typeLabel(line.expenseType)}）の認める額 ${formatYen(l.acceptedAmount)} が実績報告の額 ${formatYen(line.reported)} を超えています。認める額は報告額以下にしてください。`,
      );
    if (l.acceptedAmount < line.reported && !hasVisibleText(l.reason))
      throw new PostAwardError(
        'REDUCTION_REASON_REQUIRED',
        { field: `lines[${i}].reason` },
        `経費明細 ${l.index + 1}（${line.description ?? typeLabel(line.expenseType)}）を ${formatYen(line.reported)} から ${formatYen(l.acceptedAmount)} に減額する理由を記載してください。`,
      );
    lines[l.index] = { ...line, accepted: l.acceptedAmount, reason: l.acceptedAmount < line.reported ? l.reason!.trim() : null };
  });
  return lines;
}
