import { Client } from 'pg';
import { dataSourceOptions } from './data-source-options';
import { GuardedClient } from './guarded-pg-client';

describe('GuardedClient', () => {
  it('survives an error emitted while nobody else listens (a bare pg Client throws it: the process would end)', () => {
    const bare = new Client({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    expect(() => bare.emit('error', new Error('terminating connection due to administrator command'))).toThrow();
    const guarded = new GuardedClient({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    expect(() => guarded.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
  });

  it('is the client of the one pool configuration every process uses (API, worker, migrations), with a pool error handler', () => {
    const options = dataSourceOptions('postgres://nobody@127.0.0.1:1/none') as { extra: { Client: unknown }; poolErrorHandler?: unknown };
    expect(options.extra.Client).toBe(GuardedClient);
    expect(typeof options.poolErrorHandler).toBe('function');
  });
});
