import { formatBytes } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [874, '874 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [12_600, '12.3 KB'],
    [1024 * 1024 - 1, '1.0 MB'],
    [1024 * 1024 - 60, '1023.9 KB'],
    [1024 * 1024, '1.0 MB'],
    [20 * 1024 * 1024, '20.0 MB'],
  ])('%d bytes → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});
