import { fetchUtils, type DataProvider } from 'ra-core';
import simpleRestProvider from 'ra-data-simple-rest';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { runSeed } from '../src/seed/seed-runner';
import type { LoggedIn } from './auth-helpers';
import { bearer, startReviewDesk, type ReviewDesk } from './review-fixtures';

/**
 * react-admin's stock data provider (ra-data-simple-rest) against the API (README "REST conventions"): its update sends
 * the whole record back, read-only fields included. Every resource with an update takes its own record back
 * unchanged (common/record-echo.ts), while a key the record does not have is still refused.
 */
describe('the stock ra-data-simple-rest provider updates every resource', () => {
  let desk: ReviewDesk;
  let provider: (who: LoggedIn) => DataProvider;
  const records: Record<string, { who: () => LoggedIn; id: () => Promise<string> }> = {};
  const first = async (resource: string, who: LoggedIn, filter: object = {}) =>
    (
      await desk.t
        .http()
        .get(`/api/${resource}`)
        .query({ range: '[0,0]', filter: JSON.stringify(filter) })
        .set(bearer(who))
        .expect(200)
    ).body[0].id as string;

  beforeAll(async () => {
    desk = await startReviewDesk('record-echo', { listen: true });
    await runSeed(desk.db, { demo: false, steps: [notificationTemplatesSeed] });
    provider = (who) =>
      simpleRestProvider(`${desk.t.baseUrl}/api`, (url, options = {}) =>
        fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${who.token}` } }),
      );
    const { staff } = desk;
    const applicationId = await desk.underReview();
    const assignmentId = await desk.assignTo(applicationId, staff.reviewer);
    Object.assign(records, {
      programs: { who: () => staff.admin, id: () => first('programs', staff.admin) },
      'rule-sets': { who: () => staff.admin, id: () => first('rule-sets', staff.admin) },
      categories: { who: () => staff.admin, id: () => first('categories', staff.admin) },
      users: { who: () => staff.admin, id: () => first('users', staff.admin) },
      'notification-templates': { who: () => staff.manager, id: () => first('notification-templates', staff.manager) },
      rounds: { who: () => staff.manager, id: async () => desk.round.id },
      'review-rubrics': { who: () => staff.manager, id: () => first('review-rubrics', staff.manager, { roundId: desk.round.id }) },
      reviewers: { who: () => staff.manager, id: async () => staff.reviewer.user.id },
      'review-assignments': { who: () => staff.manager, id: async () => assignmentId },
      'score-sheets': { who: () => staff.reviewer, id: async () => assignmentId },
      'bank-accounts': {
        who: () => staff.manager,
        id: async () =>
          (
            await desk.t
              .http()
              .post('/api/bank-accounts')
              .set(bearer(staff.manager))
              .send({
                applicationId,
                bankCode: '0005',
                branchCode: '001',
                depositType: '普通',
                accountNumber: '1234567',
                accountHolderKana: 'カ）ヤマダショウジ',
              })
              .expect(201)
          ).body.id,
      },
    });
  });
  afterAll(() => desk?.t.close());

  const resources = [
    'programs',
    'rule-sets',
    'categories',
    'users',
    'notification-templates',
    'rounds',
    'review-rubrics',
    'reviewers',
    'review-assignments',
    'score-sheets',
    'bank-accounts',
  ];

  it.each(resources)('%s: the record sent back unchanged is taken, and reads the same after', async (resource) => {
    const { who, id } = records[resource];
    const p = provider(who());
    const { data: record } = await p.getOne(resource, { id: await id() });
    const { data: updated } = await p.update(resource, { id: record.id, data: record, previousData: record });
    expect(updated.id).toBe(record.id);
    const { data: after } = await p.getOne(resource, { id: record.id });
    // what any save changes; a score sheet's first save also starts it (下書き) and freezes its rubric
    const changing = [
      'updatedAt',
      'updatedById',
      'updatedByName',
      'updatedBy',
      'versionCount',
      'version',
      ...(resource === 'score-sheets' ? ['status', 'rubric'] : []),
    ];
    const strip = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !changing.includes(k)));
    expect(strip(after)).toEqual(strip(record));
  });

  it('a key the record does not have is still refused, naming it; a read-only field sent changed changes nothing', async () => {
    const { data: round } = await provider(desk.staff.manager).getOne('rounds', { id: desk.round.id });
    const misspelt = await desk.t
      .http()
      .put(`/api/rounds/${round.id}`)
      .set(bearer(desk.staff.manager))
      .send({ ...round, clossesAt: round.closesAt })
      .expect(400);
    expect(misspelt.body.errors).toEqual([{ field: 'clossesAt', message: expect.stringContaining('受け付けない項目です') }]);
    const echoed = await desk.t
      .http()
      .put(`/api/rounds/${round.id}`)
      .set(bearer(desk.staff.manager))
      .send({ ...round, status: 'closed', receiptPrefix: 'ZZ' })
      .expect(200);
    expect(echoed.body).toMatchObject({ status: round.status, receiptPrefix: round.receiptPrefix });
  });
});
