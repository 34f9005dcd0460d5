import { parseYen } from '@jimukyoku/domain';
import { groupYen } from './yenInput';

// parseYen itself is table-tested in libs/domain/src/money/parse-yen.spec.ts
describe('budget input', () => {
  it('groups by thousands', () => {
    expect(groupYen(60_000_000)).toBe('60,000,000');
    expect(groupYen(null)).toBe('');
  });

  it('shows what parseYen read, grouped, so the field reads back as the amount', () => {
    const read = parseYen('2億5,000万');
    expect(read.ok && groupYen(read.yen)).toBe('250,000,000');
  });
});
