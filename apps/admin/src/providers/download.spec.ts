import { HttpError } from 'ra-core';
import { createFileRequester, fileNameOf } from './download';
import { createApiClient } from './httpClient';
import { createSessionStore } from './session';
import { apiError, authResponse, createFakeFetch } from './__tests__/fake-fetch';

describe('file requests (application exports)', () => {
  function setup() {
    const server = createFakeFetch();
    const session = createSessionStore();
    const api = createApiClient({ fetch: server.fetch, session, now: () => 1_000_000 });
    session.set(authResponse('token-1'), 1_000_000);
    return { server, requestFile: createFileRequester({ api, session, fetch: server.fetch }) };
  }

  it('returns a JSON answer (202: the worker writes the file) as it is, sending the body with the bearer token', async () => {
    const { server, requestFile } = setup();
    server.on('POST /api/application-exports', { status: 202, body: { id: 'e1', status: 'queued', totalRows: 9000 } });
    const answer = await requestFile('/application-exports', { format: 'csv', filter: { roundId: 'r1' } });
    expect(answer).toEqual({ saved: false, status: 202, body: { id: 'e1', status: 'queued', totalRows: 9000 } });
    const [call] = server.callsTo('POST /api/application-exports');
    expect(call!.body).toEqual({ format: 'csv', filter: { roundId: 'r1' } });
    expect(call!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(call!.headers.get('Content-Type')).toBe('application/json');
  });

  it("throws the API's refusal with its Japanese message and body", async () => {
    const { server, requestFile } = setup();
    server.on('POST /api/application-exports', apiError(400, 'INVALID_LIST_QUERY', 'filter に指定できる項目は id, roundId です'));
    const error = await requestFile('/application-exports', { filter: { colour: 'red' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('filter に指定できる項目は id, roundId です');
    expect((error as HttpError).status).toBe(400);
  });

  it('reads the file name the API gives, UTF-8 form first', () => {
    expect(fileNameOf('attachment; filename="applications-20221203-183000.csv"', 'x')).toBe('applications-20221203-183000.csv');
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''%E7%94%B3%E8%AB%8B.csv`, 'x')).toBe('申請.csv');
    expect(fileNameOf(null, 'applications.csv')).toBe('applications.csv');
  });
});
