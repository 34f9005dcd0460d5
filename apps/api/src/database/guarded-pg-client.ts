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
}
