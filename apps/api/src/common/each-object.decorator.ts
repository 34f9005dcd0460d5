import { IsObject } from 'class-validator';

/**
 * Each element of a list of nested objects is an object: `@ValidateNested({ each: true })` alone lets an element that
 * is itself a list through (`"answers": [[]]` reached the 形式チェック as an answer without a code). Beside every
 * such list; `nested-objects.spec.ts` finds one without it.
 */
export const EachIsObject = (field: string) => IsObject({ each: true, message: `${field} の各要素は { 項目名: 値 } の形式で指定してください` });
