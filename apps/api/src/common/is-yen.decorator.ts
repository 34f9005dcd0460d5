import { applyDecorators } from '@nestjs/common';
import { formatYen, YEN_MAX } from '@jimukyoku/domain';
import { IsInt, Max, Min } from 'class-validator';

/**
 * An amount in integer yen, from `min` (0) to `max` (YEN_MAX, 1兆円), each refusal naming `field` with the rule it broke:
 * 「amount は0以上の整数 (円) で指定してください」, or its bound 「amount は1,000,000,000,000円以下の整数 (円) …」 (an
 * amount above the bound was once told 「0以上の整数」). `each`: every element of a list.
 */
export const IsYen = (field: string, { min = 0, max = YEN_MAX, each = false }: { min?: number; max?: number; each?: boolean } = {}) => {
  const integer = `${field} は${min === 0 ? '0' : formatYen(min)}以上の整数 (円) で指定してください`;
  return applyDecorators(
    IsInt({ each, message: integer }),
    Min(min, { each, message: integer }),
    Max(max, { each, message: `${field} は${formatYen(max)}以下の整数 (円) で指定してください` }),
  );
};
