import { formatYen } from '@jimukyoku/domain';

/** The message of an amount's upper bound (@Max): the bound in yen, not the 「0以上の整数」 of its other checks. */
export const yenAtMost = (field: string, max: number) => ({ message: `${field} は${formatYen(max)}以下の整数 (円) で指定してください` });
