import * as argon2 from 'argon2';
import { hashPassword, verifyPassword } from './password';

describe('staff password hashes', () => {
  it('are argon2id at 64 MiB, three passes, four lanes: the cost that makes guessing slow', async () => {
    const hash = await hashPassword('Sora-umi-9-kawa');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(hash, 'Sora-umi-9-kawa')).toBe(true);
    expect(await verifyPassword(hash, 'Sora-umi-9-kawA')).toBe(false);
  });

  it('verify at the cost written in the hash (the test kit stores cheap ones: testing/staff.ts), and refuse a malformed one', async () => {
    const cheap = await argon2.hash('Sora-umi-9-kawa', { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(cheap, 'Sora-umi-9-kawa')).toBe(true);
    expect(await verifyPassword(cheap, 'other')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'Sora-umi-9-kawa')).toBe(false);
  });
});
