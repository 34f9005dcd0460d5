/**
 * 利益相反: whether a reviewer must not review an applicant. Names are compared after
 * normaliseOrganisationName(); corporate numbers after removing spaces and hyphens.
 */

/**
 * Legal-form words and their abbreviations. NFKC has already turned ㈱ into (株) and （株） into (株),
 * and ㍿ into 株式会社. Besides companies and associations, the forms of the professional firms and
 * bodies that act as 認定支援機関 or employ reviewers (税理士法人, 監査法人, 医療法人 …); a longer form
 * comes before one it contains (有限責任監査法人 before 監査法人), as the first alternative that matches wins.
 */
const LEGAL_FORMS = new RegExp(
  [
    ...['株式会社', '有限会社', '合同会社', '合資会社', '合名会社', '一般社団法人', '一般財団法人', '公益社団法人', '公益財団法人'],
    ...['特定非営利活動法人', 'npo法人', '税理士法人', '有限責任監査法人', '監査法人', '弁護士法人', '弁理士法人', '司法書士法人'],
    ...['行政書士法人', '社会保険労務士法人', '土地家屋調査士法人', '医療法人社団', '医療法人財団', '医療法人', '社会福祉法人', '学校法人'],
    ...['有限責任事業組合', '事業協同組合', '協同組合', '企業組合', '地方独立行政法人', '独立行政法人', '国立大学法人'],
    ...['(株)', '(有)', '(同)', '(資)', '(名)', '(一社)', '(一財)', '(公社)', '(公財)', '(特非)', '(税)', '(医)', '(社福)', '(学)'],
  ]
    .map((form) => form.replace(/[()]/g, '\\$&'))
    .join('|'),
  'g',
);

/**
 * The form of an organisation name used for matching: NFKC (full-width letters, digits and brackets
 * become half-width; ㈱ becomes (株)), every whitespace removed, lower case, and the legal form
 * (株式会社 / (株) / ㈱, 有限会社 / (有), 合同会社, 一般社団法人, 税理士法人 … LEGAL_FORMS) removed wherever it stands. So
 * 「株式会社 ＡＢＣ」, 「ABC㈱」 and 「abc」 are the same name. Removing the form also makes 前株 and 後株
 * of the same words equal: on purpose, since a conflict check should rather show a near-match to a
 * person than miss one. Names must otherwise be equal (no partial matching). A name that is empty
 * after normalisation never matches anything.
 */
export const normaliseOrganisationName = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase().replace(LEGAL_FORMS, '');

/** A 法人番号 as typed (full-width digits, spaces, any hyphen) in the form it is published in: 13 half-width digits. */
export const normaliseCorporateNumber = (n: string): string => n.normalize('NFKC').replace(/[\s\-‐−ー]/gu, '');

export interface ConflictDeclarations {
  organisation: string | null;
  declaredConflicts: { corporateNumbers: string[]; organisations: string[] };
}

export interface ConflictParties {
  corporateNumber: string | null;
  applicantName: string;
  advisorName: string | null;
}

/** A reviewer's names in matching form, computed once when many applications are checked. */
export interface PreparedReviewer {
  organisation: string;
  corporateNumbers: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
  source: ConflictDeclarations;
}

const nonEmptySet = (values: readonly string[], f: (s: string) => string): Set<string> => new Set(values.map(f).filter((s) => s !== ''));

export const prepareReviewer = (r: ConflictDeclarations): PreparedReviewer => ({
  organisation: r.organisation === null ? '' : normaliseOrganisationName(r.organisation),
  corporateNumbers: nonEmptySet(r.declaredConflicts.corporateNumbers, normaliseCorporateNumber),
  organisations: nonEmptySet(r.declaredConflicts.organisations, normaliseOrganisationName),
  source: r,
});

export interface PreparedParties {
  corporateNumber: string;
  applicant: string;
  advisor: string;
  source: ConflictParties;
}

export const prepareParties = (s: ConflictParties): PreparedParties => ({
  corporateNumber: s.corporateNumber === null ? '' : normaliseCorporateNumber(s.corporateNumber),
  applicant: normaliseOrganisationName(s.applicantName),
  advisor: s.advisorName === null ? '' : normaliseOrganisationName(s.advisorName),
  source: s,
});

/** The first rule that applies, as a Japanese reason, or null. Empty names never match. */
export function conflictReason(r: PreparedReviewer, s: PreparedParties): string | null {
  if (s.corporateNumber !== '' && r.corporateNumbers.has(s.corporateNumber)) {
    return `申請者の法人番号（${s.source.corporateNumber}）は審査員が利益相反を申告した法人です`;
  }
  if (s.applicant !== '' && r.organisations.has(s.applicant)) {
    return `申請者「${s.source.applicantName}」は審査員が利益相反を申告した組織です`;
  }
  if (s.advisor !== '' && r.organisations.has(s.advisor)) {
    return `申請者の認定支援機関「${s.source.advisorName}」は審査員が利益相反を申告した組織です`;
  }
  if (r.organisation !== '' && r.organisation === s.applicant) {
    return `審査員の所属「${r.source.organisation}」は申請者と同じ組織です`;
  }
  if (r.organisation !== '' && r.organisation === s.advisor) {
    return `審査員の所属「${r.source.organisation}」は申請者の認定支援機関です`;
  }
  return null;
}
