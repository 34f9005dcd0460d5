/** 1234567 → "1,234,567" (the simulator's 予算 field after it is read by parseYen from libs/domain). */
export const groupYen = (amount: number | null): string => (amount === null ? '' : amount.toLocaleString('ja-JP'));
