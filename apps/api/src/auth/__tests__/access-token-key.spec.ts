import { sign, verify } from 'jsonwebtoken';
import { accessTokenKey } from '../access-token-key';

describe('accessTokenKey', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters-長さ';

  it('verifies a token signed with the secret as a string (tokens issued before a deploy stay valid), and the reverse', () => {
    const key = accessTokenKey(secret);
    expect(verify(sign({ sub: 'u1' }, secret, { algorithm: 'HS256' }), key, { algorithms: ['HS256'] })).toMatchObject({ sub: 'u1' });
    expect(verify(sign({ sub: 'u2' }, key, { algorithm: 'HS256' }), secret, { algorithms: ['HS256'] })).toMatchObject({ sub: 'u2' });
  });

  it('refuses a token signed with another secret, or with no signature', () => {
    const key = accessTokenKey(secret);
    expect(() => verify(sign({ sub: 'u1' }, `${secret}x`, { algorithm: 'HS256' }), key, { algorithms: ['HS256'] })).toThrow('invalid signature');
    const unsigned = sign({ sub: 'u1' }, '', { algorithm: 'none' });
    expect(() => verify(unsigned, key, { algorithms: ['HS256'] })).toThrow();
  });
});
