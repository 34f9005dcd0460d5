/** The 経費区分's Japanese name from a subsidy category's configuration (its `expenseTypes`; the code when it has none). */
export function expenseTypeLabel(config: unknown, code: string): string {
  const types = (config as { expenseTypes?: { code: string; label: string }[] } | null)?.expenseTypes;
  return (Array.isArray(types) ? types.find((t) => t.code === code)?.label : undefined) ?? code;
}
