/**
 * Programmes that overlap: a second 採択 of the same applicant in programmes of one group (or twice in the
 * same programme, in another round) is flagged to the reviewer (申請履歴, docs/applicant-history.md). The one
 * place of the rule. The groups are a reading of the 公募要領 (the same 補助対象経費 may not be funded by two
 * national subsidies); the briefing does not list them.
 */
export interface OverlapGroup {
  readonly code: string;
  readonly label: string;
  readonly programCodes: readonly string[];
}

export const OVERLAPPING_PROGRAMS: readonly OverlapGroup[] = [
  // both fund 設備投資 for a new product or business: the same machine cannot be paid twice
  { code: 'capitalInvestment', label: '設備投資の補助（事業再構築補助金・ものづくり補助金）', programCodes: ['restructuring', 'monozukuri'] },
  // both fund ITツール for an SME
  { code: 'itTools', label: 'ITツール導入の補助（IT導入補助金・「共創型」サービス・IT連携支援事業）', programCodes: ['itIntroduction', 'cocreationServiceIt'] },
];

/**
 * Whether an 採択 in `other` overlaps an application to `programCode`: the same programme (a second 採択,
 * another round), or two programmes of one OVERLAPPING_PROGRAMS group. Returns the reason, or null.
 */
export function programmesOverlap(programCode: string, other: string, groups: readonly OverlapGroup[] = OVERLAPPING_PROGRAMS): string | null {
  if (programCode === other) return '同じ事業';
  const group = groups.find((g) => g.programCodes.includes(programCode) && g.programCodes.includes(other));
  return group ? group.label : null;
}
