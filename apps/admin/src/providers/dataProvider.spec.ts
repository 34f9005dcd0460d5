import { HttpError } from 'ra-core';
import { toFormErrors, toFormPath } from './apiErrors';
import { createDataProvider, jstDayFilters } from './dataProvider';
import { createApiClient } from './httpClient';
import { createSessionStore } from './session';
import { authResponse, createFakeFetch } from './__tests__/fake-fetch';

function setup() {
  const server = createFakeFetch();
  const session = createSessionStore();
  session.set(authResponse('t'));
  const api = createApiClient({ fetch: server.fetch, session });
  return { server, dataProvider: createDataProvider(api.httpClient) };
}

const query = (url: string) => Object.fromEntries([...new URL(url, 'http://x').searchParams].map(([k, v]) => [k, JSON.parse(v)]));

const VALIDATION = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: '入力内容に誤りがあります: email はメールアドレスの形式で入力してください、password は12文字以上にしてください',
  errors: [
    { field: 'email', message: 'email はメールアドレスの形式で入力してください' },
    { field: 'password', message: 'password は12文字以上にしてください' },
  ],
};

describe('dataProvider requests', () => {
  it('requests the API path named by the resource, with sort, range and filter as JSON', async () => {
    const { server, dataProvider } = setup();
    server.on('GET /api/audit-logs', { status: 200, body: [{ id: '1' }], headers: { 'Content-Range': 'audit-logs 0-0/1' } });
    const res = await dataProvider.getList('audit-logs', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'occurredAt', order: 'DESC' },
      filter: { action: 'user.' },
    });
    expect(res).toEqual({ data: [{ id: '1' }], total: 1 });
    expect(query(server.callsTo('GET /api/audit-logs')[0]!.url)).toEqual({ sort: ['occurredAt', 'DESC'], range: [0, 24], filter: { action: 'user.' } });
  });

  it('tells an estimated total (X-Total-Count-Estimated: true) in the list meta, and a counted one not', async () => {
    const { server, dataProvider } = setup();
    const params = { pagination: { page: 1, perPage: 25 }, sort: { field: 'receivedAt', order: 'DESC' as const }, filter: {} };
    server.on('GET /api/applications', {
      status: 200,
      body: [{ id: 'a' }],
      headers: { 'Content-Range': 'applications 0-0/998700', 'X-Total-Count-Estimated': 'true' },
    });
    expect(await dataProvider.getList('applications', params)).toEqual({ data: [{ id: 'a' }], total: 998700, meta: { totalEstimated: true } });
    server.on('GET /api/applications', {
      status: 200,
      body: [{ id: 'a' }],
      headers: { 'Content-Range': 'applications 0-0/12', 'X-Total-Count-Estimated': 'false' },
    });
    expect(await dataProvider.getList('applications', params)).toEqual({ data: [{ id: 'a' }], total: 12 });
  });

  it('turns date-only From/To filters into JST day boundaries, the To day included', async () => {
    const { server, dataProvider } = setup();
    server.on('GET /api/audit-logs', { status: 200, body: [], headers: { 'Content-Range': 'audit-logs 0-0/0' } });
    await dataProvider.getList('audit-logs', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'occurredAt', order: 'DESC' },
      filter: { occurredFrom: '2022-03-24', occurredTo: '2022-03-24' },
    });
    expect(query(server.callsTo('GET /api/audit-logs')[0]!.url).filter).toEqual({
      occurredFrom: '2022-03-24T00:00:00+09:00',
      occurredTo: '2022-03-25T00:00:00+09:00',
    });
  });
});

describe('dataProvider getMany', () => {
  it('asks for every id with a range, not the default page of 25', async () => {
    const { server, dataProvider } = setup();
    const ids = Array.from({ length: 30 }, (_, i) => `id-${i}`);
    server.on('GET /api/applications', { status: 200, body: ids.map((id) => ({ id })), headers: { 'Content-Range': 'applications 0-29/30' } });
    const res = await dataProvider.getMany('applications', { ids });
    expect(res.data).toHaveLength(30);
    expect(query(server.callsTo('GET /api/applications')[0]!.url)).toEqual({ filter: { id: ids }, range: [0, 29] });
  });

  it('splits many ids into requests of 200, each URL well under the 16 KB an HTTP server takes (1,000 UUIDs answered 431)', async () => {
    const { server, dataProvider } = setup();
    const ids = Array.from({ length: 450 }, () => crypto.randomUUID());
    server.on('GET /api/applications', { status: 200, body: [], headers: { 'Content-Range': 'applications */0' } });
    await dataProvider.getMany('applications', { ids });
    const calls = server.callsTo('GET /api/applications');
    expect(calls.map((c) => query(c.url)).map((c) => [c.filter.id.length, c.range])).toEqual([
      [200, [0, 199]],
      [200, [0, 199]],
      [50, [0, 49]],
    ]);
    for (const c of calls) expect(c.url.length).toBeLessThan(12_000);
  });
});

describe('jstDayFilters', () => {
  it.each([
    ['a From day', { occurredFrom: '2022-03-24' }, { occurredFrom: '2022-03-24T00:00:00+09:00' }],
    ['a To day (exclusive end = next JST midnight)', { occurredTo: '2022-12-31' }, { occurredTo: '2023-01-01T00:00:00+09:00' }],
    ['an instant already given', { occurredFrom: '2022-03-24T09:00:00Z' }, { occurredFrom: '2022-03-24T09:00:00Z' }],
    ['other filters', { q: '2022-03-24', active: true, entityType: 'round' }, { q: '2022-03-24', active: true, entityType: 'round' }],
  ])('%s', (_rule, filter, expected) => expect(jstDayFilters(filter)).toEqual(expected));
});

describe('dataProvider errors', () => {
  it("maps the API's field errors to react-admin form errors, with the Japanese summary as the notification", async () => {
    const { server, dataProvider } = setup();
    server.on('POST /api/users', { status: 400, body: VALIDATION });
    const error = await dataProvider.create('users', { data: { email: 'x', password: 'short' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe(VALIDATION.message);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: { email: VALIDATION.errors[0]!.message, password: VALIDATION.errors[1]!.message, root: { serverError: VALIDATION.message } },
      fieldErrors: VALIDATION.errors,
    });
  });

  it('names the e-mail field for EMAIL_TAKEN, which the API reports without a field', async () => {
    const { server, dataProvider } = setup();
    const message = 'このメールアドレスは既に登録されています。';
    server.on('POST /api/users', { status: 409, body: { statusCode: 409, code: 'EMAIL_TAKEN', message } });
    const error = (await dataProvider.create('users', { data: {} }).catch((e: unknown) => e)) as HttpError;
    expect(error.body.errors).toEqual({ email: message, root: { serverError: message } });
  });

  it('leaves body.errors out when no field is named, so react-admin notifies the message itself', async () => {
    const { server, dataProvider } = setup();
    const message = '自分自身のアカウントは無効化できません。';
    server.on('DELETE /api/users/u1', { status: 400, body: { statusCode: 400, code: 'CANNOT_DEACTIVATE_SELF', message } });
    const error = (await dataProvider.delete('users', { id: 'u1' }).catch((e: unknown) => e)) as HttpError;
    expect(error.message).toBe(message);
    expect(error.body).toEqual({ statusCode: 400, code: 'CANNOT_DEACTIVATE_SELF', message, fieldErrors: [] });
  });

  it('keeps body.code, which authProvider.checkError reads (PASSWORD_CHANGE_REQUIRED)', async () => {
    const { server, dataProvider } = setup();
    server.on('GET /api/users/u1', { status: 403, body: { statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: 'パスワードの変更が必要です…' } });
    const error = (await dataProvider.getOne('users', { id: 'u1' }).catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(403);
    expect(error.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('toFormErrors', () => {
  it("converts the API's array paths to react-hook-form's dotted ones", () => {
    expect(toFormPath('categories[0].budget')).toBe('categories.0.budget');
    expect(toFormErrors({ message: 'm', errors: [{ field: 'categories[1].categoryId', message: 'a' }] })).toEqual({
      'categories.1.categoryId': 'a',
      root: { serverError: 'm' },
    });
  });

  it('uses a top-level field the API names (rounds: INVALID_SCHEDULE on closesAt)', () => {
    const message = '応募締切 (2022年3月24日(木) 18:00:00) は公募開始 (…) より後にしてください。';
    expect(toFormErrors({ code: 'INVALID_SCHEDULE', message, field: 'closesAt' })).toEqual({ closesAt: message, root: { serverError: message } });
  });

  it('joins two messages for one field and ignores malformed rows', () => {
    expect(toFormErrors({ message: 'm', errors: [{ field: 'name', message: 'a' }, { field: 'name', message: 'b' }, { nope: 1 }, 'x'] })).toEqual({
      name: 'a / b',
      root: { serverError: 'm' },
    });
  });

  it('is undefined when there is nothing per field', () => {
    expect(toFormErrors({ code: 'FORBIDDEN', message: 'この操作を行う権限がありません。' })).toBeUndefined();
    expect(toFormErrors(undefined)).toBeUndefined();
  });
});

describe('dataProvider calls beyond CRUD', () => {
  it('uploads an import as multipart (file, roundId, mode), not JSON, and lets the browser set the boundary', async () => {
    const { server, dataProvider } = setup();
    server.on('POST /api/imports', { status: 201, body: { id: 'i1', status: 'queued' } });
    const file = new File(['受付番号,事業者名\n'], '申請一覧.csv', { type: 'text/csv' });
    const res = await dataProvider.create('imports', { data: { roundId: 'r1', mode: 'validRows', file: { rawFile: file, title: '申請一覧.csv' } } });
    expect(res.data).toEqual({ id: 'i1', status: 'queued' });
    const call = server.callsTo('POST /api/imports')[0]!;
    expect(call.body).toBeInstanceOf(FormData);
    const form = call.body as FormData;
    expect(form.get('roundId')).toBe('r1');
    expect(form.get('mode')).toBe('validRows');
    expect((form.get('file') as File).name).toBe('申請一覧.csv');
    expect(call.headers.get('Content-Type')).toBeNull();
    expect(call.headers.get('Authorization')).toBe('Bearer t');
  });

  it('fires a transition with the version on screen, and keeps the API code of a refusal (409 STALE_VERSION)', async () => {
    const { server, dataProvider } = setup();
    server.on('POST /api/applications/a1/transitions/returnForCorrection', {
      status: 409,
      body: { statusCode: 409, code: 'STALE_VERSION', message: '他の操作が先に行われました。' },
    });
    const error = await dataProvider.fireTransition('a1', 'returnForCorrection', { reason: '書類不足', expectedVersion: 3 }).catch((e: unknown) => e);
    expect(server.callsTo('POST /api/applications/a1/transitions/returnForCorrection')[0]!.body).toEqual({ reason: '書類不足', expectedVersion: 3 });
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('他の操作が先に行われました。');
    expect((error as HttpError).body).toMatchObject({ code: 'STALE_VERSION' });
  });

  it('posts a bulk transition and returns the per-application results', async () => {
    const { server, dataProvider } = setup();
    const answer = {
      transition: 'reject',
      total: 2,
      succeeded: 1,
      failed: 1,
      results: [
        { id: 'a', ok: true, status: 'rejected' },
        { id: 'b', ok: false, code: 'NOT_ALLOWED_FROM_STATE', message: 'この状態では実行できません' },
      ],
    };
    server.on('POST /api/applications/bulk-transitions', { status: 200, body: answer });
    expect(await dataProvider.bulkTransition({ transition: 'reject', ids: ['a', 'b'] })).toEqual(answer);
    expect(server.callsTo('POST /api/applications/bulk-transitions')[0]!.body).toEqual({ transition: 'reject', ids: ['a', 'b'] });
  });

  it("reads a round's workflow", async () => {
    const { server, dataProvider } = setup();
    server.on('GET /api/rounds/r1/workflow', { status: 200, body: { definition: { states: [], transitions: [] }, mermaid: 'stateDiagram-v2' } });
    expect((await dataProvider.getWorkflow('r1')).mermaid).toBe('stateDiagram-v2');
  });
});
