import { newRequestKey } from './requestKey';

describe('newRequestKey', () => {
  it('is 32 hex characters, each byte two', () => {
    expect(newRequestKey((b) => b.fill(10))).toBe('0a'.repeat(16));
    expect(newRequestKey()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs from one record to the next', () => {
    expect(new Set(Array.from({ length: 100 }, () => newRequestKey())).size).toBe(100);
  });
});
