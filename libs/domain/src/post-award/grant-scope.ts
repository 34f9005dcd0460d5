import type { ExpenseTypeDef } from '../category';
import type { ExpenseLine } from '../quote';

/** A 計画変更承認申請 as filed: when, and the changed expenses it carried (none when it changed no expense). */
export interface PlanChangeFiling {
  readonly filedAt: Date;
  readonly expenses: readonly ExpenseLine[] | null;
}

/**
 * The 計画変更 that were approved. A project has at most one 計画変更 pending (it is filed from 交付決定 and answered
 * before the next one can be), so each approval answers the latest request filed before it.
 */
export function approvedPlanChanges<T extends PlanChangeFiling>(filings: readonly T[], approvedAt: readonly Date[]): T[] {
  const sorted = [...filings].sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime());
  const approved = new Set<T>();
  for (const at of approvedAt) {
    const answered = sorted.filter((f) => f.filedAt.getTime() < at.getTime()).pop();
    if (answered) approved.add(answered);
  }
  return sorted.filter((f) => approved.has(f));
}

/**
 * The 経費区分 a 実績報告 or 概算払 may claim (docs/post-award.md "The grant's scope"): those of the 交付申請 the
 * 交付決定 approved, and those an approved 計画変更 brought in. An expense of another 区分 was never granted.
 */
export function grantedExpenseTypes(grantExpenses: readonly ExpenseLine[], approvedChanges: readonly PlanChangeFiling[]): Set<string> {
  return new Set([...grantExpenses, ...approvedChanges.flatMap((c) => c.expenses ?? [])].map((l) => l.expenseType));
}

export interface LineOutsideGrant {
  readonly field: string;
  readonly message: string;
}

/**
 * The lines of `claimed` (a 実績報告's or a 概算払's expenses) whose 経費区分 the grant does not cover, each named by its
 * index and the 区分's label, with what the applicant can do about it: a procedure with a 計画変更 (`planChangeOffered`)
 * may bring the 区分 in first; another (IT導入補助金) has only the 区分 granted.
 */
export function linesOutsideGrant(
  claimed: readonly ExpenseLine[],
  granted: ReadonlySet<string>,
  expenseTypes: readonly ExpenseTypeDef[],
  planChangeOffered = true,
): LineOutsideGrant[] {
  const label = (code: string) => expenseTypes.find((t) => t.code === code)?.label ?? code;
  const remedy = planChangeOffered
    ? '交付決定を受けた経費区分で計上するか、先に計画変更の承認を受けてください'
    : '交付決定を受けた経費区分で計上してください。ご不明な点は事務局にお問い合わせください';
  return claimed.flatMap((line, i) =>
    granted.has(line.expenseType)
      ? []
      : [
          {
            field: `expenses[${i}].expenseType`,
            message: `経費区分「${label(line.expenseType)}」は交付決定を受けた経費${planChangeOffered ? '（交付申請と承認済みの計画変更）' : ''}に含まれないため、計上できません。${remedy}`,
          },
        ],
  );
}
