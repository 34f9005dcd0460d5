/**
 * Round numbers for the simulator chart's axes: a step of 1, 2, 2.5 or 5 × 10^k giving about `target`
 * intervals up to `max`, and the ticks from 0 to the first multiple of the step at or above `max` (the
 * axis ends on a round number too). Pure, so the spec checks it without a browser.
 */
export function niceStep(max: number, target = 5, minStep = 0): number {
  if (!(max > 0) || !Number.isFinite(max)) return Math.max(1, minStep);
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(step, minStep);
}

/** The score axis: 0, step, 2·step, … up to the round number at or above `max` (at least one step). */
export function scoreTicks(max: number, target = 5): number[] {
  const step = niceStep(max, target);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}

/** The rank axis: 1, then every multiple of a round whole step up to `n` (1, 50, 100, 150 for 162 ranks). */
export function rankTicks(n: number, target = 5): number[] {
  if (n < 1) return [];
  const step = Math.max(1, Math.round(niceStep(n, target, 1)));
  const ticks = [1];
  for (let r = step; r <= n; r += step) if (r !== 1) ticks.push(r);
  return ticks;
}

/** A tick's label: whole numbers as such (10, 1,000), others with their decimals (2.5). */
export const tickLabel = (v: number): string => v.toLocaleString('ja-JP', { maximumFractionDigits: 2 });
