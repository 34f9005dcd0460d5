import { hasVisibleText } from './visible-text';

describe('hasVisibleText', () => {
  it.each([
    ['理由', true],
    [' a ', true],
    ['\u200b理由\u200b', true],
    ['', false],
    ['   ', false],
    ['\u3000\u3000', false],
    [' \t\n', false],
    ['\u200b', false],
    ['\u200e\u202e\ufeff\u00ad', false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (text, expected) => {
    expect(hasVisibleText(text)).toBe(expected);
  });
});
