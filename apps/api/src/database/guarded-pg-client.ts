import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';

const logger = new Logger('PostgreSQL');

/** Logs a lost connection; the pool drops the broken client and the request in flight is answered 503. */
export function logConnectionError(e: Error) {
  logger.warn(`a PostgreSQL connection failed and is dropped (${(e as { code?: string }).code ?? ''} ${e.message})`);
}

/**
 * pg's Client with an 'error' listener from birth to end. pg-pool listens only while a client is idle
 * and TypeORM only while a query runner holds it, so an error between the two (a backend terminated
 * just as a client was handed back or over, or a second error after the first) was an unhandled
 * 'error' event that ended the process. The pool still sees the client as broken and removes it.
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', logConnectionError);
  }
}
