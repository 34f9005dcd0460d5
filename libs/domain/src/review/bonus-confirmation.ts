/**
 * Which claimed 加点項目 count for an application: those that more than half of its submitted
 * reviews confirmed (a tie is not a majority). Each review's codes count once.
 */
export function confirmedByMajority(confirmations: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  for (const codes of confirmations) for (const c of new Set(codes)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n * 2 > confirmations.length)
    .map(([c]) => c)
    .sort();
}
