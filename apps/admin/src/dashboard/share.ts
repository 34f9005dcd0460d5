/**
 * `part` of `whole` in percent to one decimal, rounded toward the truth a manager acts on: down, so a budget with
 * 66,672円 left or a review with one sheet open never reads 100%; null without a whole to measure against.
 */
export function shareDown(part: number, whole: number | null): number | null {
  if (!whole) return null;
  return Math.floor((part / whole) * 1000) / 10;
}
