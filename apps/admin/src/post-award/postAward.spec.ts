import { parseYen } from '@jimukyoku/domain';
import { paperFilingBody } from './postAward';

const fields = {
  lines: [{ expenseType: 'machinery', amount: 20_000_000, description: 'マシニングセンタ' }],
  amounts: ['2,400万'],
  reason: ' 事業環境の変化 ',
  description: ' 機種の変更 ',
  fiscalYear: '２０２７',
  sales: '1,200万',
  documents: ['other'],
  note: ' 郵送で受領 ',
};

// The paper filing's body carries only what its step needs (PaperFilingDto), amounts read as yen.
describe('paperFilingBody', () => {
  it.each([
    [
      '交付申請: the expense lines with the amounts as typed',
      'grantApplication',
      { expenses: [{ expenseType: 'machinery', amount: 24_000_000, description: 'マシニングセンタ' }] },
    ],
    ['実績報告: the same', 'performanceReport', { expenses: [{ expenseType: 'machinery', amount: 24_000_000, description: 'マシニングセンタ' }] }],
    ['事業廃止: the reason', 'abandonment', { reason: '事業環境の変化' }],
    ['取下げ: the reason', 'withdrawal', { reason: '事業環境の変化' }],
    ['計画変更: what changes', 'planChange', { description: '機種の変更' }],
    ['事業化状況報告: the year (full-width digits read) and the sales', 'commercializationReport', { fiscalYear: 2027, sales: 12_000_000 }],
  ] as const)('%s', (_rule, step, carried) => {
    expect(paperFilingBody(step, fields, parseYen)).toEqual({ step, documents: ['other'], note: '郵送で受領', ...carried });
  });

  it('names the line whose amount cannot be read', () => {
    expect(paperFilingBody('grantApplication', { ...fields, amounts: ['二千万くらい'] }, parseYen)).toBe('1');
  });
});
