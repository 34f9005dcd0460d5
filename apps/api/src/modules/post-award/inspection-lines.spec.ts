import { inspectedLines } from './inspection-lines';
import { PostAwardError } from './post-award.errors';

describe('inspectedLines', () => {
  const reported = [
    { expenseType: 'machinery', description: '5軸加工機', amount: 24_000_000 },
    { expenseType: 'expert', amount: 600_000 },
  ];
  const label = (code: string) => ({ machinery: '機械装置・システム構築費', expert: '専門家経費' })[code] ?? code;
  const refusal = (given: Parameters<typeof inspectedLines>[1]) => {
    try {
      inspectedLines(reported, given, label);
    } catch (e) {
      return (e as PostAwardError).getResponse() as { code: string; message: string };
    }
    throw new Error('not refused');
  };

  it('accepts every line as reported but those named, each reduced one with its reason', () => {
    expect(inspectedLines(reported, [{ index: 1, acceptedAmount: 400_000, reason: ' 見積書のない分を除外 ' }], label)).toEqual([
      { index: 0, expenseType: 'machinery', description: '5軸加工機', reported: 24_000_000, accepted: 24_000_000, reason: null },
      { index: 1, expenseType: 'expert', reported: 600_000, accepted: 400_000, reason: '見積書のない分を除外' },
    ]);
  });

  it('names a line filed without a description by its 経費区分’s name, never its code', () => {
    expect(refusal([{ index: 1, acceptedAmount: 700_000 }])).toMatchObject({
      code: 'ABOVE_REPORTED_AMOUNT',
      message: expect.stringMatching(/^経費明細 2（専門家経費）の認める額 700,000円/),
    });
    expect(refusal([{ index: 1, acceptedAmount: 1 }])).toMatchObject({
      code: 'REDUCTION_REASON_REQUIRED',
      message: expect.stringMatching(/^経費明細 2（専門家経費）を 600,000円 から 1円 に減額する理由/),
    });
    expect(refusal([{ index: 0, acceptedAmount: 1 }]).message).toMatch(/^経費明細 1（5軸加工機）/);
  });
});
