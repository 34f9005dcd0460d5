import { toRoundCreate, toRoundUpdate } from './roundForm';

/** 第5回 as the API returns it (UTC instants, plus what the form must not send back). */
const round5 = {
  id: 'r5',
  code: 'restructuring.round5',
  programId: 'p',
  ruleSetId: 'rs',
  number: 5,
  name: '第5回公募',
  opensAt: '2022-01-20T00:00:00.000Z',
  closesAt: '2022-03-24T09:00:00.000Z',
  opensAtJst: '2022年1月20日(木) 09:00:00',
  closesAtJst: '2022年3月24日(木) 18:00:00',
  announcementFrom: null,
  announcementTo: null,
  announcementLabel: '令和4年6月上旬頃',
  workflowVersion: 1,
  correctionPeriodDays: 10,
  assumption: null,
  status: 'closed',
  categories: [
    { categoryId: 'c1', budget: 1234567, adoptionQuota: null },
    { categoryId: 'c2', budget: null, adoptionQuota: 40 },
  ],
  createdAt: '2022-01-01T00:00:00.000Z',
};

describe('round edit form → PUT /api/rounds/:id', () => {
  it('sends only UpdateRoundDto fields, every instant with a +09:00 offset (the API refuses naive times)', () => {
    expect(toRoundUpdate(round5)).toEqual({
      name: '第5回公募',
      opensAt: '2022-01-20T09:00:00+09:00',
      closesAt: '2022-03-24T18:00:00+09:00',
      announcementFrom: null,
      announcementTo: null,
      announcementLabel: '令和4年6月上旬頃',
      categories: [
        { categoryId: 'c1', budget: 1234567, adoptionQuota: null },
        { categoryId: 'c2', budget: null, adoptionQuota: 40 },
      ],
      workflowVersion: 1,
    });
  });

  it('sends the workflow version chosen (the API moves a round without applications to it)', () => {
    expect(toRoundUpdate({ ...round5, workflowVersion: 2 }).workflowVersion).toBe(2);
    expect(toRoundUpdate({ ...round5, workflowVersion: undefined })).not.toHaveProperty('workflowVersion');
  });

  it('sends a deadline typed as a JST wall clock as that JST instant (締切延長 to 18:00:00 JST)', () => {
    const body = toRoundUpdate({ ...round5, closesAt: '2022-03-31T18:00', announcementFrom: '2022-06-01T00:00:00' });
    expect(body.closesAt).toBe('2022-03-31T18:00:00+09:00');
    expect(new Date(body.closesAt!).toISOString()).toBe('2022-03-31T09:00:00.000Z');
    expect(body.announcementFrom).toBe('2022-06-01T00:00:00+09:00');
  });

  it('clears what was emptied: announcement dates and label become null, a cleared budget is unset', () => {
    const body = toRoundUpdate({
      ...round5,
      announcementFrom: '',
      announcementLabel: '  ',
      categories: [{ categoryId: 'c1', budget: '', adoptionQuota: null }],
    });
    expect(body).toMatchObject({ announcementFrom: null, announcementLabel: null, categories: [{ categoryId: 'c1', budget: null, adoptionQuota: null }] });
  });

  it('drops category rows with no category chosen yet (an added, unfilled line)', () => {
    expect(toRoundUpdate({ ...round5, categories: [{ categoryId: 'c1', budget: 1 }, {}, null] }).categories).toEqual([
      { categoryId: 'c1', budget: 1, adoptionQuota: null },
    ]);
  });
});

describe('round create form → POST /api/rounds', () => {
  it('sends the schedule in JST and leaves out what was not given (categories default to the whole rule set)', () => {
    expect(
      toRoundCreate({
        programId: 'p',
        ruleSetId: 'rs',
        number: 7,
        name: '',
        opensAt: '2022-07-01T00:00',
        closesAt: '2022-09-30T18:00:00',
        announcementLabel: '',
      }),
    ).toEqual({
      programId: 'p',
      ruleSetId: 'rs',
      number: 7,
      opensAt: '2022-07-01T00:00:00+09:00',
      closesAt: '2022-09-30T18:00:00+09:00',
    });
  });

  it('sends offered categories with their budgets', () => {
    expect(
      toRoundCreate({
        programId: 'p',
        ruleSetId: 'rs',
        number: 7,
        opensAt: '2022-07-01T00:00',
        closesAt: '2022-09-30T18:00',
        categories: [{ categoryId: 'c1', budget: 5000000000 }],
      }).categories,
    ).toEqual([{ categoryId: 'c1', budget: 5000000000, adoptionQuota: null }]);
  });
});
