import { normalizeSearchText } from '../search';

/** Who holds an application (the applicant as the application names them), as a correction may change it. */
export interface ApplicationHolder {
  readonly applicantName: string;
  /** null for a 個人事業主 */
  readonly corporateNumber: string | null;
}

export interface IdentityProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A 再提出 corrects the application of the company that applied: its corrections, together, may fix a mistyped 法人番号
 * or the 事業者名 (a typo, a name changed since) as submitted, not both (`submitted` is the holder as submitted, so two
 * corrections, one of each, are not a way round). Both changed is another company taking an application made
 * before the 締切, whose 受付番号 and place it would keep (1公募回につき1法人1申請; README "Intake (for the e-application portal)", step 4).
 * Names are compared as the search compares them (㈱ and 株式会社, widths and spaces alike).
 */
export function correctionIdentityProblems(submitted: ApplicationHolder, after: ApplicationHolder): IdentityProblem[] {
  const numberChanged = (submitted.corporateNumber ?? null) !== (after.corporateNumber ?? null);
  const nameChanged = normalizeSearchText(submitted.applicantName) !== normalizeSearchText(after.applicantName);
  if (!numberChanged || !nameChanged) return [];
  return [
    {
      field: 'applicant',
      message:
        '再提出では、申請時の法人番号と事業者名の両方を変更することはできません（訂正できるのはどちらか一方です）。別の事業者の申請は、この申請の再提出ではなく新たな申請として提出してください',
    },
  ];
}
