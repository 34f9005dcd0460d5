import { loadConfig } from '../app-config';
import { parseTrustProxy } from '../trust-proxy';

describe('parseTrustProxy', () => {
  it.each([
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8', 'loopback,10.0.0.0/8'],
    ['192.0.2.10', '192.0.2.10'],
    ['fd00::/8,uniquelocal', 'fd00::/8,uniquelocal'],
    ['2', 2],
  ])('accepts %s', (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ value });
  });

  it.each([['true'], ['*'], ['0'], ['11'], ['10.0.0.0/33'], ['proxy.example.jp'], [''], ['loopback,,']])('refuses %s, naming TRUST_PROXY', (raw) => {
    expect(parseTrustProxy(raw)).toEqual({ problem: expect.stringContaining('TRUST_PROXY') });
  });

  it('is read from TRUST_PROXY at boot (default loopback) and a bad value stops the process', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBe('loopback');
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
