import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable, isLockTimeout, isPoolExhausted, isTransactionConflict } from './connection-faults';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const errno = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a backend terminated by pg_terminate_backend (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (class 08)', pgError('08006')],
    ['too many connections (53300)', pgError('53300')],
    ['the server starting up (57P03)', pgError('57P03')],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a reset connection', errno('ECONNRESET')],
    ['a refused connection', errno('ECONNREFUSED')],
    ['a dead client reused', new Error('Client has encountered a connection error and is not queryable')],
    ['all addresses refused (AggregateError)', new AggregateError([errno('ECONNREFUSED'), errno('ECONNREFUSED')])],
    ['TypeORM wrapping a lost connection', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['a transaction whose connection was lost and released under it', new QueryRunnerAlreadyReleasedError()],
    ['an entity manager whose connection was lost and released under it', new QueryRunnerProviderAlreadyReleasedError()],
  ])('is a fault: %s', (_name, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601')],
    ['a serialization failure (retried by the caller, not a fault)', pgError('40001')],
    ['TypeORM wrapping a check violation', new QueryFailedError('INSERT', [], pgError('23514'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Connection terminated'],
  ])('is not a fault: %s', (_name, e) => expect(isDatabaseUnavailable(e)).toBe(false));

  it('tells pool exhaustion apart', () => {
    expect(isPoolExhausted(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isPoolExhausted(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});

describe('isTransactionConflict', () => {
  it.each([
    ['a deadlock (40P01)', pgError('40P01', 'deadlock detected')],
    ['a serialization failure (40001)', pgError('40001')],
    ['TypeORM wrapping a deadlock', new QueryFailedError('UPDATE attachment', [], pgError('40P01', 'deadlock detected'))],
  ])('is a conflict: %s', (_name, e) => expect(isTransactionConflict(e)).toBe(true));

  it.each([
    ['a unique violation', pgError('23505')],
    ['a lost connection', pgError('57P01')],
    ['a plain bug', new TypeError('x')],
    ['not an error', '40P01'],
  ])('is not a conflict: %s', (_name, e) => expect(isTransactionConflict(e)).toBe(false));
});

describe('isLockTimeout', () => {
  it.each([
    ['lock_not_available (55P03)', pgError('55P03', 'canceling statement due to lock timeout')],
    ['TypeORM wrapping it', new QueryFailedError('UPDATE application', [], pgError('55P03', 'canceling statement due to lock timeout'))],
  ])('is a lock wait given up: %s', (_name, e) => expect(isLockTimeout(e)).toBe(true));

  it.each([
    ['a statement timeout (57014)', pgError('57014', 'canceling statement due to statement timeout')],
    ['a deadlock', pgError('40P01')],
    ['a lost connection', pgError('57P01')],
    ['not an error', '55P03'],
  ])('is not: %s', (_name, e) => expect(isLockTimeout(e)).toBe(false));

  it('is not read as the database gone', () => expect(isDatabaseUnavailable(pgError('55P03'))).toBe(false));
});
