import { refreshCookieOptions } from '../auth.controller';

describe('the refresh cookie', () => {
  it.each([
    ['production', true],
    ['development', false],
    ['test', false],
  ] as const)('in %s: httpOnly, SameSite=Strict, only under /api/auth, Secure = %s', (nodeEnv, secure) => {
    expect(refreshCookieOptions({ nodeEnv })).toEqual({ httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' });
  });
});
