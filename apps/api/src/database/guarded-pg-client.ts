import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';

const logger = new Logger('PostgreSQL');

/** Logs a lost connection; the pool drops the broken client and the request in flight is answered 503. */
export function logConnectionError(e: Error) {
  logger.warn(`a PostgreSQL connection failed and is dropped (${(e as { code?: string }).code ?? ''} ${e.message})`);
}

/**
 * pg's Client with an 'error' listener from birth to end. pg-pool listens only while a client is idle
 * and TypeORM only while a query runner holds it. A new connection is handed over inside pg's parse of
 * the server's ReadyForQuery (the pool drops its listener there), and TypeORM attaches its own a
 * microtask later; when the same network read also carries the server's 57P01 (a backend terminated as
 * it became ready), the error was emitted in between, with no listener: an unhandled 'error' event that
 * ended the process. The pool still sees the client as broken and removes it; the request gets a 503.
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', logConnectionError);
  }

  /**
   * A statement past its `query_timeout` fails with "Query read timeout" (a 503, connection-faults.ts), but pg
   * leaves the connection open with the statement still on it: handed back to the pool, the next request would
   * wait behind it. The connection is closed instead, so the pool drops it and PostgreSQL ends its backend.
   */
  override query(...args: unknown[]): never {
    const answer = (super.query as (...a: unknown[]) => unknown)(...args);
    // a promise (the callback and Submittable forms are not used here); not `instanceof Promise`, which a
    // promise made in another realm (jest's module sandbox) fails
    if (answer !== null && typeof (answer as Promise<unknown> | undefined)?.catch === 'function')
      (answer as Promise<unknown>).catch((e: unknown) => {
        if (e instanceof Error && e.message === 'Query read timeout') this.dropConnection();
      });
    return answer as never;
  }

  private dropConnection() {
    (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }
}
