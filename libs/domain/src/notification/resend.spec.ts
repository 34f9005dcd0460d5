import { isResendable } from './resend';

describe('isResendable', () => {
  it.each([
    ['sent', true],
    ['failed', true],
    ['uncertain', true],
    ['held', false],
    ['cancelled', false],
    ['pending', false],
    ['queued', false],
    ['sending', false],
  ])('%s → %s', (status, expected) => {
    expect(isResendable(status)).toBe(expected);
  });
});
