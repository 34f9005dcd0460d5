import { confirmedByMajority } from './bonus-confirmation';

describe('confirmedByMajority', () => {
  it('keeps a 加点項目 confirmed by more than half of the reviews', () => {
    expect(confirmedByMajority([['wage'], ['wage', 'partnership'], []])).toEqual(['wage']);
  });
  it('does not count a tie as a majority', () => {
    expect(confirmedByMajority([['wage'], []])).toEqual([]);
  });
  it('counts a code once per review and sorts the result', () => {
    expect(
      confirmedByMajority([
        ['b', 'b', 'a'],
        ['a', 'b'],
      ]),
    ).toEqual(['a', 'b']);
  });
  it('has nothing to confirm without reviews', () => {
    expect(confirmedByMajority([])).toEqual([]);
  });
});
