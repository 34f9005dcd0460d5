import { remaining } from './countdown';

describe('the countdown to the 締切', () => {
  const deadline = new Date('2026-03-24T09:00:00Z'); // 18:00 JST
  it.each([
    ['2026-03-21T04:47:51Z', '3日 04:12:09'],
    ['2026-03-23T09:00:00Z', '1日 00:00:00'],
    ['2026-03-24T08:59:59Z', '00:00:01'],
    ['2026-03-24T08:00:00.500Z', '00:59:59'],
  ])('from %s: %s', (now, left) => {
    expect(remaining(deadline, new Date(now))).toBe(left);
  });

  it('is over at the deadline itself and after it', () => {
    expect(remaining(deadline, deadline)).toBeNull();
    expect(remaining(deadline, new Date('2026-03-25T00:00:00Z'))).toBeNull();
  });
});
