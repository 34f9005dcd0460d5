import { containing, startingWith } from './like-pattern';

describe('LIKE patterns of typed text', () => {
  it('take %, _ and \\ as themselves', () => {
    expect(containing('100%')).toBe('%100\\%%');
    expect(containing('a_b')).toBe('%a\\_b%');
    expect(containing('C:\\')).toBe('%C:\\\\%');
    expect(startingWith('%auto')).toBe('\\%auto%');
  });
  it('leave other text as it is', () => {
    expect(containing('第6回')).toBe('%第6回%');
    expect(startingWith('application.')).toBe('application.%');
  });
});
