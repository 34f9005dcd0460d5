import { isPrefecture, PREFECTURES, prefectureOrder, UNKNOWN_PREFECTURE_ORDER } from './prefectures';

describe('都道府県', () => {
  it('lists the 47 once each, 北海道 first and 沖縄県 last', () => {
    expect(new Set(PREFECTURES).size).toBe(47);
    expect(PREFECTURES[0]).toBe('北海道');
    expect(PREFECTURES[46]).toBe('沖縄県');
  });

  it('orders them by their JIS code, not by character code', () => {
    expect(prefectureOrder('北海道')).toBe(1);
    expect(prefectureOrder('東京都')).toBe(13);
    expect(prefectureOrder('兵庫県')).toBe(28);
    expect(prefectureOrder('沖縄県')).toBe(47);
    const byOrder = ['沖縄県', '兵庫県', '北海道', '東京都'].sort((a, b) => prefectureOrder(a) - prefectureOrder(b));
    expect(byOrder).toEqual(['北海道', '東京都', '兵庫県', '沖縄県']);
  });

  it('puts any other name after the 47', () => {
    expect(prefectureOrder('東京')).toBe(UNKNOWN_PREFECTURE_ORDER);
    expect(UNKNOWN_PREFECTURE_ORDER).toBe(48);
    expect(isPrefecture('東京')).toBe(false);
  });
});
