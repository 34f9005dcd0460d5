import { man, rate } from '@jimukyoku/domain';
import { conditionParts, exclusionCriteria, tierLines } from './describe';

describe('tierLines', () => {
  it.each([
    ['a single rate', [{ rate: rate(2, 3) }], [{ kind: 'only', rate: '2/3' }]],
    [
      'a threshold on the subsidy, then the rest',
      [{ rate: rate(3, 4), upToSubsidy: man(1500) }, { rate: rate(2, 3) }],
      [
        { kind: 'upTo', amount: '1,500万円', rate: '3/4' },
        { kind: 'rest', rate: '2/3' },
      ],
    ],
    ['10/10 written as such', [{ rate: rate(1, 1) }], [{ kind: 'only', rate: '10/10' }]],
  ])('%s', (_rule, tiers, lines) => expect(tierLines(tiers)).toEqual(lines));
});

describe('conditionParts', () => {
  it('names size classes in Japanese and flags by key', () => {
    expect(conditionParts({ sizeClasses: ['smallBusiness', 'sme'], lossMaking: true })).toEqual([
      { text: '小規模事業者・中小企業' },
      { key: 'app.rules.config.loss_making' },
    ]);
  });

  it('says "not" for a condition set to false', () => {
    expect(conditionParts({ lossMaking: false, inRehabilitation: false })).toEqual([
      { key: 'app.rules.config.not_loss_making' },
      { key: 'app.rules.config.not_in_rehabilitation' },
    ]);
  });

  it('is empty for everybody', () => expect(conditionParts({})).toEqual([]));
});

describe('exclusionCriteria', () => {
  it('uses the category’s expense type labels and the known flag labels', () => {
    const expenseTypes = [{ code: 'machinery', label: '機械装置・システム構築費' }];
    expect(exclusionCriteria({ code: 'x', reason: 'r', expenseTypes: ['machinery', 'unknown'], flags: ['publicRoadVehicle'] }, expenseTypes)).toEqual([
      { kind: 'expenseType', text: '機械装置・システム構築費' },
      { kind: 'expenseType', text: 'unknown' },
      { kind: 'flag', text: '公道を走行する車両' },
    ]);
  });
});
