import { randomBytes } from 'node:crypto';
import { secretProblem } from '../secret-strength';

describe('secretProblem: a production signing secret (README "What production refuses")', () => {
  it.each([
    ['shorter than 32 characters', 'a-long-enough-production-secret', 'is too short (31 characters, at least 32)'],
    ['the development JWT secret', 'jimukyoku-development-secret-change-me', 'contains a published development value'],
    ['the development status-link secret', 'jimukyoku-development-status-link-secret-change-me', 'contains a published development value'],
    ['the development JWT secret plus a suffix', 'jimukyoku-development-secret-change-me-prod-2026', 'contains a published development value'],
    [
      'the development status-link secret in capitals, after a prefix',
      'X9-JIMUKYOKU-DEVELOPMENT-STATUS-LINK-SECRET-CHANGE-ME',
      'contains a published development value',
    ],
    ['one character', 'x'.repeat(64), 'is too regular'],
    ['one word repeated', 'password'.repeat(6), 'is too regular'],
    ['digits in a row, repeated', '0123456789'.repeat(4), 'is too regular'],
    ['16 hex digits repeated 4 times', '0123456789abcdef'.repeat(4), 'is too regular'],
    ['the alphabet then digits', 'abcdefghijklmnopqrstuvwxyz012345', 'is too regular'],
    ['the alphabet backwards', 'zyxwvutsrqponmlkjihgfedcba987654', 'is too regular'],
    ['every other letter, twice', 'acegikmoqsuwy02468acegikmoqsuwyAC', 'is too regular'],
    ['a random block behind a prefix, repeated', `k${randomBytes(12).toString('hex')}`.repeat(3), 'is too regular'],
    ['16 random bytes in hex', randomBytes(16).toString('hex'), 'is too regular'],
  ])('refuses %s', (_case, secret, problem) => {
    expect(secretProblem(secret)).toContain(problem);
  });

  it('accepts 32 random bytes or more, in base64, base64url or hex (openssl rand -base64 48, openssl rand -hex 32)', () => {
    for (let i = 0; i < 500; i++) {
      for (const secret of [
        randomBytes(32).toString('base64'),
        randomBytes(32).toString('base64url'),
        randomBytes(32).toString('hex'),
        randomBytes(48).toString('base64'),
      ]) {
        expect(secretProblem(secret)).toBeNull();
      }
    }
  });
});
