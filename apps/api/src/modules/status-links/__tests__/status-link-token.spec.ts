import { signStatusLink, verifyStatusLink } from '../status-link-token';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const NOW = new Date('2026-12-03T00:00:00Z');
const LATER = new Date('2027-06-01T00:00:00Z');

describe('status link tokens', () => {
  const token = signStatusLink(SECRET, { linkId: ID, expiresAt: LATER });

  it('carries the link id and its expiry, and verifies with the secret that signed it', () => {
    expect(token).toMatch(/^3f2b8c1e9a4d4e6f8b7a1c2d3e4f5a6b\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyStatusLink(SECRET, token, NOW)).toEqual({ ok: true, claims: { linkId: ID, expiresAt: LATER } });
  });

  it('refuses the same token under another secret', () => {
    expect(verifyStatusLink(`${SECRET}x`, token, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['another link id', token.replace(/^3f/, '4f')],
    [
      'a later expiry',
      (() => {
        const [id, , sig] = token.split('.');
        return `${id}.${Math.floor(LATER.getTime() / 1000 + 86_400).toString(36)}.${sig}`;
      })(),
    ],
    ['a changed signature character', token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1)],
    ['a cut signature', token.slice(0, -1)],
    ['no signature', token.split('.').slice(0, 2).join('.')],
    ['upper-case id', token.replace(/^[0-9a-f]{32}/, (h) => h.toUpperCase())],
    ['garbage', '../../etc/passwd'],
    ['empty', ''],
  ])('refuses a token with %s as invalid', (_case, tampered) => {
    expect(verifyStatusLink(SECRET, tampered, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a signature altered in the bits base64url leaves unused (the same bytes once decoded)', () => {
    const [id, exp, sig] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1)!);
    // the 43rd character carries 4 bits of the signature and 2 unused ones: its neighbour in the same group of 4 decodes alike
    const sibling = alphabet[(last & ~3) | ((last + 1) & 3)];
    const altered = `${id}.${exp}.${sig.slice(0, -1)}${sibling}`;
    expect(Buffer.from(altered.split('.')[2], 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(verifyStatusLink(SECRET, altered, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a genuine token once its expiry has come', () => {
    expect(verifyStatusLink(SECRET, token, LATER)).toEqual({ ok: false, reason: 'expired', claims: { linkId: ID, expiresAt: LATER } });
    expect(verifyStatusLink(SECRET, token, new Date(LATER.getTime() - 1000)).ok).toBe(true);
  });

  it('signs only uuids', () => {
    expect(() => signStatusLink(SECRET, { linkId: 'not-a-uuid', expiresAt: LATER })).toThrow('not a uuid');
  });
});
