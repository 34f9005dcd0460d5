import { QueryFailedError } from 'typeorm';
import type { ArgumentsHost } from '@nestjs/common';
import { HttpErrorFilter } from '../http-error.filter';

function run(exception: unknown) {
  const res = { headersSent: false, statusCode: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const response = {
    get headersSent() {
      return res.headersSent;
    },
    setHeader: (k: string, v: string) => (res.headers[k] = v),
    status(code: number) {
      res.statusCode = code;
      return this;
    },
    json(body: unknown) {
      res.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ url: '/x' }) }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return res;
}

describe('HttpErrorFilter', () => {
  it('turns an exhausted connection pool into 503 BUSY with Retry-After, not a 500', () => {
    const res = run(new Error('timeout exceeded when trying to connect'));
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('5');
    expect(res.body).toMatchObject({ code: 'BUSY' });
    // a staff route takes no Idempotency-Key: the advice does not demand one
    expect((res.body as { message: string }).message).toContain('同じ操作をやり直してください (Idempotency-Key を付けて送った場合は同じキーで)');
  });

  it('turns a deadlock that reached it into 503 CONCURRENT_UPDATE with Retry-After, not a 500', () => {
    const res = run(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('1');
    expect(res.body).toMatchObject({ code: 'CONCURRENT_UPDATE', message: expect.stringContaining('何も保存せずに') });
  });

  it('turns a lock wait that timed out (55P03, DATABASE_LOCK_TIMEOUT_MS) into 503 LOCKED with Retry-After, not DATABASE_UNAVAILABLE', () => {
    const res = run(new QueryFailedError('UPDATE application', [], Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' })));
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('5');
    expect(res.body).toMatchObject({ code: 'LOCKED', message: expect.stringContaining('別の処理が更新中') });
  });

  it('turns a unique violation (two creations at once) into 409 ALREADY_EXISTS, naming no constraint', () => {
    const res = run(
      Object.assign(new Error('duplicate key value violates unique constraint "staff_user_email_key"'), { code: '23505', constraint: 'staff_user_email_key' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining('同時に登録された') });
    expect(JSON.stringify(res.body)).not.toContain('staff_user');
  });

  it('answers anything unexpected with a Japanese 500 that leaks nothing', () => {
    const res = run(new Error('secret internals'));
    expect(res.statusCode).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });
});
