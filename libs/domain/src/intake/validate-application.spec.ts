import { findCategory } from '../catalogue';
import { corporateNumberCheckDigit } from '../eligibility';
import { requiredAttachmentKinds } from './attachments';
import { validateApplication, type ApplicationInput } from './validate-application';

const standard = findCategory('restructuring.r3-sup', 'restructuring.standard')!;
const green = findCategory('restructuring.r3-sup', 'restructuring.greenGrowth')!;
const base = '180301018771'.slice(0, 12);
const validNumber = `${corporateNumberCheckDigit(base)}${base}`;

// Sales fell 20% in 2020-04..06 against 2019: the 10% test passes.
const monthlySales = ['04', '05', '06', '07', '08', '09'].flatMap((m) => [
  { month: `2019-${m}`, amount: 10_000_000 },
  { month: `2020-${m}`, amount: 8_000_000 },
]);

const valid: ApplicationInput = {
  applicant: {
    kind: 'corporation',
    name: '株式会社テスト',
    corporateNumber: validNumber,
    sizeClass: 'sme',
    employeeCount: 30,
    prefecture: '北海道',
    email: 'a@example.jp',
    monthlySales,
  },
  planTitle: 'EV部品への転換',
  expenses: [{ expenseType: 'machinery', amount: 30_000_000 }],
  context: { certifiedAdvisor: { name: '支援機関', id: 'ADV-1' } },
  attachmentKinds: ['businessPlan', 'advisorConfirmation', 'salesEvidence'],
};

const fields = (input: ApplicationInput, config = standard) => validateApplication(config, input).problems.map((p) => p.field);

describe('validateApplication', () => {
  it('accepts a complete, eligible application and returns its quote', () => {
    const r = validateApplication(standard, valid);
    expect(r.problems).toEqual([]);
    expect(r.quote?.amount).toBe(20_000_000);
  });

  it.each<[string, Partial<ApplicationInput> | ((i: ApplicationInput) => ApplicationInput), string]>([
    ['a missing name', (i) => ({ ...i, applicant: { ...i.applicant, name: ' ' } }), 'applicant.name'],
    ['a corporation without 法人番号', (i) => ({ ...i, applicant: { ...i.applicant, corporateNumber: undefined } }), 'applicant.corporateNumber'],
    [
      'a wrong check digit',
      (i) => ({ ...i, applicant: { ...i.applicant, corporateNumber: `${(corporateNumberCheckDigit(base) + 1) % 10}${base}` } }),
      'applicant.corporateNumber',
    ],
    ['a malformed e-mail', (i) => ({ ...i, applicant: { ...i.applicant, email: 'no-at-sign' } }), 'applicant.email'],
    ['an unknown prefecture', (i) => ({ ...i, applicant: { ...i.applicant, prefecture: '江戸' } }), 'applicant.prefecture'],
    ['no plan title', { planTitle: '' }, 'plan.title'],
    ['an expense type the category does not allow', { expenses: [{ expenseType: 'yacht', amount: 1_000_000 }] }, 'expenses[0].expenseType'],
    ['an amount below the floor (補助下限額 100万)', { expenses: [{ expenseType: 'machinery', amount: 1_000_000 }] }, 'expenses'],
    ['a requested amount above what the rules give', { requestedAmount: 20_000_001 }, 'requestedAmount'],
    [
      'no sales decline (売上高減少要件)',
      (i) => ({ ...i, applicant: { ...i.applicant, monthlySales: monthlySales.map((s) => ({ ...s, amount: 10_000_000 })) } }),
      'applicant.monthlySales',
    ],
    ['a missing advisor confirmation', { attachmentKinds: ['businessPlan', 'salesEvidence'] }, 'attachments'],
    ['no 認定支援機関 (a plan field, not the applicant’s)', { context: {} }, 'certifiedAdvisor.name'],
    [
      'no 金融機関 above 3,000万円',
      {
        expenses: [{ expenseType: 'machinery', amount: 60_000_000 }],
        attachmentKinds: ['businessPlan', 'advisorConfirmation', 'financialInstitutionConfirmation', 'salesEvidence'],
      },
      'financialInstitution.name',
    ],
  ])('reports %s by field', (_rule, change, field) => {
    const input = typeof change === 'function' ? change(valid) : { ...valid, ...change };
    expect(fields(input)).toContain(field);
  });

  describe('the 申請額 asked for (requestedAmount)', () => {
    const large = { ...valid, expenses: [{ expenseType: 'machinery', amount: 60_000_000 }] }; // the rules give 4,000万 (30人の上限)
    const problemsOf = (input: ApplicationInput) => validateApplication(standard, input).problems.map((p) => [p.field, p.code]);

    it('may not be below the 補助下限額 (100万): an application for 999,999円 is refused, 1,000,000円 is not', () => {
      expect(problemsOf({ ...valid, requestedAmount: 999_999 })).toEqual([['requestedAmount', 'belowFloor']]);
      expect(validateApplication(standard, { ...valid, requestedAmount: 999_999 }).problems[0].message).toBe(
        'requestedAmount (申請額) 999,999円 は補助下限額 100万円 に満たないため申請できません',
      );
      expect(problemsOf({ ...valid, requestedAmount: 1_000_000 })).toEqual([]);
    });

    it('decides whether a 金融機関 is needed: 3,000万 asked for of 4,000万 needs none (nor its 確認書), 3,000万 and 1円 does', () => {
      const noBank = { ...large, attachmentKinds: ['businessPlan', 'advisorConfirmation', 'salesEvidence'] };
      expect(problemsOf(noBank)).toEqual(expect.arrayContaining([['financialInstitution.name', expect.any(String)]]));
      expect(problemsOf({ ...noBank, requestedAmount: 30_000_000 })).toEqual([]);
      expect(problemsOf({ ...noBank, requestedAmount: 30_000_001 })).toEqual(
        expect.arrayContaining([
          ['financialInstitution.name', expect.any(String)],
          ['attachments', 'missingAttachment'],
        ]),
      );
    });
  });

  it('lists every problem at once, not only the first', () => {
    const input = { ...valid, planTitle: '', applicant: { ...valid.applicant, email: 'x', prefecture: 'X' }, attachmentKinds: [] };
    expect(fields(input)).toEqual(expect.arrayContaining(['plan.title', 'applicant.email', 'applicant.prefecture', 'attachments']));
  });

  it('words every problem in Japanese', () => {
    const problems = validateApplication(standard, { ...valid, applicant: { ...valid.applicant, prefecture: '江戸' } }).problems;
    expect(problems[0].message).toMatch(/都道府県/);
  });
});

describe('requiredAttachmentKinds', () => {
  it.each([
    ['a 通常枠 plan with an advisor and a sales decline, up to 3,000万', standard, 30_000_000, ['businessPlan', 'advisorConfirmation', 'salesEvidence']],
    [
      'the same above 3,000万 also needs the bank’s confirmation',
      standard,
      30_000_001,
      ['businessPlan', 'advisorConfirmation', 'financialInstitutionConfirmation', 'salesEvidence'],
    ],
    ['グリーン成長枠 has no sales-decline requirement', green, 10_000_000, ['businessPlan', 'advisorConfirmation']],
  ])('%s', (_rule, config, amount, kinds) => expect(requiredAttachmentKinds(config, amount)).toEqual(kinds));
});
