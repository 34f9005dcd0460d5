/**
 * Facts an expense line may carry that can exclude it from 補助対象経費 (a category's exclusions
 * name the flags they act on). A flag unknown both here and to the category is reported as a
 * problem, so that a typo cannot silently keep an excluded line in the total.
 */
export const EXPENSE_FLAG_LABELS: Readonly<Record<string, string>> = {
  publicRoadVehicle: '公道を走行する車両',
  generalPurpose: '汎用性が高く目的外使用になり得るもの（PC・スマートフォン等）',
};
