import type { ExpenseTypeDef } from '@jimukyoku/domain';
import { useCallback } from 'react';
import { useGetOne } from 'react-admin';

/**
 * 経費区分 by name: an expense line's `expenseType` code (`building`) → the label its 類型's
 * configuration gives it (建物費; libs/domain's catalogue), the code itself while the 類型 loads
 * or when it has no such type.
 */
export function useExpenseTypeLabel(categoryId: string | undefined): (code: string) => string {
  const { data } = useGetOne<{ id: string; config?: { expenseTypes?: readonly ExpenseTypeDef[] } }>(
    'categories',
    { id: categoryId ?? '' },
    { enabled: !!categoryId, staleTime: 5 * 60_000 },
  );
  const types = data?.config?.expenseTypes;
  return useCallback((code: string) => types?.find((t) => t.code === code)?.label ?? code, [types]);
}
