import { errorChain } from './error-chain';

/**
 * Which errors mean "PostgreSQL is (for a moment) not there" rather than "this request is wrong": a
 * lost or refused connection, a server shutting down or restarting, a backend terminated by an
 * administrator, too many connections. Such a request is answered 503 with Retry-After; it is safe to
 * retry (intake with the same Idempotency-Key).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
  '25P03', // idle_in_transaction_session_timeout
]);

const UNAVAILABLE_ERRNOS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i, // "Connection terminated unexpectedly", "... due to connection timeout"
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Query read timeout/i,
];

/** Every pooled connection stayed busy past the wait limit: overload rather than a fault. */
export function isPoolExhausted(e: unknown): boolean {
  return e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message);
}

export function isDatabaseUnavailable(e: unknown): boolean {
  // TypeORM releases a query runner whose connection emitted 'error'; the transaction's next query
  // then finds it released. Only a lost connection does that (our code never reuses a released runner).
  if (e instanceof Error && (e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'QueryRunnerProviderAlreadyReleasedError')) return true;
  for (const err of errorChain(e)) {
    const { code, errno, message } = err as { code?: unknown; errno?: unknown; message?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') && code.length === 5 ? true : UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)))
      return true;
    if (typeof errno === 'string' && UNAVAILABLE_ERRNOS.has(errno)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
    // AggregateError (connect) keeps several
    if (err instanceof AggregateError && err.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** PostgreSQL gave up one transaction for another's sake: a deadlock or a serialization failure (class 40). */
const CONFLICT_SQLSTATES = new Set(['40P01', '40001']);

/**
 * A transaction rolled back because it collided with a concurrent one (deadlock_detected, serialization_failure):
 * nothing of it was stored, and the same request sent again runs alone. Code that can retry does so itself;
 * one that reaches the error filter is answered 503 with Retry-After, not 500 (and logged as an error: a deadlock
 * means two paths take the same locks in another order, which the code should not do).
 */
export function isTransactionConflict(e: unknown): boolean {
  return [...errorChain(e)].some((err) => CONFLICT_SQLSTATES.has((err as { code?: unknown }).code as string));
}

/**
 * A statement waited `lock_timeout` (DATABASE_LOCK_TIMEOUT_MS, data-source-options.ts) for a lock another transaction
 * held, and PostgreSQL gave up (lock_not_available, 55P03): the transaction rolled back with nothing stored. The
 * other transaction is still working (a large decision committing, a maintenance session): answered 503 LOCKED with
 * Retry-After, not as a database gone.
 */
export function isLockTimeout(e: unknown): boolean {
  return [...errorChain(e)].some((err) => (err as { code?: unknown }).code === '55P03');
}
