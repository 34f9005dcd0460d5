import { ApplicantProfile } from '../applicant';
import { EligibilityContext } from './context';
import { CheckResult, failed, passed } from './result';

/** Requirement checks on counts: group size, employees, prefectures. Brackets are inclusive. */

export const DEFAULT_MIN_PARTICIPANTS = 2;
/** 複数社連携IT導入類型: 10者以上 */
export const IT_GROUP_MIN_PARTICIPANTS = 10;

const groupCheck = (code: string, applicant: ApplicantProfile, min: number): CheckResult => {
  if (!Number.isSafeInteger(min) || min < 2) throw new RangeError(`minParticipants must be an integer ≥ 2, got ${min}`);
  // Assumption: no participant count means the applicant applies alone (1者).
  const count = applicant.participantCount ?? 1;
  if (count >= min) return passed({ participantCount: count, minParticipants: min });
  return failed(
    `${code}.tooFewParticipants`,
    `この類型は${min}者以上の連携（グループ）による申請が必要です（参加事業者数 ${count}者 < ${min}者）。`,
    'participantCount',
    { participantCount: count, minParticipants: min },
  );
};

/**
 * 'groupApplication': the category must be applied for by a group, the applicant included
 * (地域デジタルイノベーション 中小: 2者以上). `context.minParticipants` may raise the minimum.
 */
export const checkGroupApplication = (applicant: ApplicantProfile, context: EligibilityContext = {}): CheckResult =>
  groupCheck('groupApplication', applicant, context.minParticipants ?? DEFAULT_MIN_PARTICIPANTS);

/** 'groupApplication10plus': 複数社連携IT導入類型, 10者以上. */
export const checkGroupApplication10plus = (applicant: ApplicantProfile): CheckResult =>
  groupCheck('groupApplication10plus', applicant, IT_GROUP_MIN_PARTICIPANTS);

/** 'employees101plus': 大規模賃金引上枠, 従業員数 101人以上. */
export const checkEmployees101plus = (applicant: ApplicantProfile): CheckResult =>
  applicant.employeeCount >= 101
    ? passed({ employeeCount: applicant.employeeCount })
    : failed(
        'employees101plus.tooFewEmployees',
        `この類型は従業員数101人以上の事業者が対象です（従業員数 ${applicant.employeeCount}人 < 101人）。`,
        'employeeCount',
        { employeeCount: applicant.employeeCount },
      );

/** 地域DX促進活動支援事業: A類型 one prefecture, B類型 two, C類型 three or more. */
const prefectureCheck = (code: string, applicant: ApplicantProfile, min: number, max: number | null, rule: string): CheckResult => {
  const count = applicant.prefectureCount;
  if (count === undefined) {
    return failed(`${code}.notDeclared`, `活動地域の都道府県数が入力されていません（要件: ${rule}）。`, 'prefectureCount');
  }
  if (count >= min && (max === null || count <= max)) return passed({ prefectureCount: count });
  return failed(`${code}.outOfRange`, `この類型は${rule}が対象です（活動地域 ${count}都道府県）。`, 'prefectureCount', { prefectureCount: count });
};

export const checkPrefectures1 = (applicant: ApplicantProfile): CheckResult => prefectureCheck('prefectures1', applicant, 1, 1, '単独の都道府県内での活動');
export const checkPrefectures2 = (applicant: ApplicantProfile): CheckResult => prefectureCheck('prefectures2', applicant, 2, 2, '2都道府県に跨がる活動');
export const checkPrefectures3plus = (applicant: ApplicantProfile): CheckResult =>
  prefectureCheck('prefectures3plus', applicant, 3, null, '3以上の都道府県に跨がる活動');
