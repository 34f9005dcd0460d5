import { applicant } from './__tests__/fixtures';
import {
  checkEmployees101plus,
  checkGroupApplication,
  checkGroupApplication10plus,
  checkPrefectures1,
  checkPrefectures2,
  checkPrefectures3plus,
} from './scale-checks';

describe('groupApplication / groupApplication10plus', () => {
  it.each`
    rule                                                   | check                          | participantCount | minParticipants | ok       | message
    ${'groupApplication: two companies pass (default 2)'}  | ${checkGroupApplication}       | ${2}             | ${undefined}    | ${true}  | ${undefined}
    ${'groupApplication: one company fails'}               | ${checkGroupApplication}       | ${1}             | ${undefined}    | ${false} | ${'参加事業者数 1者 < 2者'}
    ${'groupApplication: no participant count = alone'}    | ${checkGroupApplication}       | ${undefined}     | ${undefined}    | ${false} | ${'参加事業者数 1者 < 2者'}
    ${'groupApplication: context raises the minimum to 3'} | ${checkGroupApplication}       | ${2}             | ${3}            | ${false} | ${'3者以上'}
    ${'groupApplication10plus: 10 companies pass'}         | ${checkGroupApplication10plus} | ${10}            | ${undefined}    | ${true}  | ${undefined}
    ${'groupApplication10plus: 9 companies fail'}          | ${checkGroupApplication10plus} | ${9}             | ${undefined}    | ${false} | ${'10者以上の連携（グループ）による申請が必要です（参加事業者数 9者 < 10者）'}
  `('$rule', ({ check, participantCount, minParticipants, ok, message }) => {
    const result = check(applicant({ participantCount }), { minParticipants });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.field).toBe('participantCount');
      expect(result.code).toMatch(/\.tooFewParticipants$/);
      expect(result.message).toContain(message);
    }
  });

  it('rejects a configured minimum below 2', () => {
    expect(() => checkGroupApplication(applicant(), { minParticipants: 1 })).toThrow(RangeError);
  });
});

describe('employees101plus (大規模賃金引上枠)', () => {
  it.each`
    rule              | employeeCount | ok
    ${'101人 passes'} | ${101}        | ${true}
    ${'100人 fails'}  | ${100}        | ${false}
  `('$rule', ({ employeeCount, ok }) => {
    const result = checkEmployees101plus(applicant({ employeeCount }));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message).toContain('従業員数 100人 < 101人');
  });
});

describe('prefectures1 / prefectures2 / prefectures3plus (地域DX促進 A/B/C類型)', () => {
  it.each`
    rule                            | check                    | prefectureCount | ok       | code
    ${'A類型: 1 prefecture passes'} | ${checkPrefectures1}     | ${1}            | ${true}  | ${undefined}
    ${'A類型: 2 prefectures fail'}  | ${checkPrefectures1}     | ${2}            | ${false} | ${'prefectures1.outOfRange'}
    ${'B類型: 2 prefectures pass'}  | ${checkPrefectures2}     | ${2}            | ${true}  | ${undefined}
    ${'B類型: 3 prefectures fail'}  | ${checkPrefectures2}     | ${3}            | ${false} | ${'prefectures2.outOfRange'}
    ${'B類型: 1 prefecture fails'}  | ${checkPrefectures2}     | ${1}            | ${false} | ${'prefectures2.outOfRange'}
    ${'C類型: 3 prefectures pass'}  | ${checkPrefectures3plus} | ${3}            | ${true}  | ${undefined}
    ${'C類型: 2 prefectures fail'}  | ${checkPrefectures3plus} | ${2}            | ${false} | ${'prefectures3plus.outOfRange'}
    ${'C類型: not declared fails'}  | ${checkPrefectures3plus} | ${undefined}    | ${false} | ${'prefectures3plus.notDeclared'}
  `('$rule', ({ check, prefectureCount, ok, code }) => {
    const result = check(applicant({ prefectureCount }));
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ code, field: 'prefectureCount' });
  });
});
