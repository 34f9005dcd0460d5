import { isMailAddress } from './mail-address';

describe('isMailAddress', () => {
  it.each(['owner@suzuran.example.jp', 'first.last+tag@mail.example.co.jp', "o'brien@example.com", 'a@b-c.example.org'])('takes %s', (address) => {
    expect(isMailAddress(address)).toBe(true);
  });

  it.each([
    ['a doubled dot in the local part', 'a..b@example.jp'],
    ['a leading dot', '.a@example.jp'],
    ['a trailing dot', 'a.@example.jp'],
    ['an IP literal', 'x@[127.0.0.1]'],
    ['a full-width letter', 'ａ@example.jp'],
    ['Japanese text', '連絡先@example.jp'],
    ['no top-level domain', 'a@localhost'],
    ['a numeric top-level label', 'a@example.123'],
    ['two @', 'a@b@example.jp'],
    ['a space', 'a b@example.jp'],
    ['a hyphen at a label’s end', 'a@example-.jp'],
    ['an empty domain label', 'a@example..jp'],
    ['nothing before @', '@example.jp'],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(190)}.jp`],
    ['not text', 42],
  ])('refuses %s', (_case, address) => {
    expect(isMailAddress(address)).toBe(false);
  });
});
