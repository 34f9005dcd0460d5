import { parseBankAccount } from '@jimukyoku/domain';
import { demoAccountHolder } from './demo-bank-accounts.seed';

describe('demoAccountHolder: the 口座名義 of a demo company', () => {
  it.each([
    ['株式会社北斗精機', 'カ)ホクトセイキ', 'ｶ)ﾎｸﾄｾｲｷ'],
    ['有限会社中央商事', 'ユ)チュウオウショウジ', 'ﾕ)ﾁﾕｳｵｳｼﾖｳｼﾞ'],
    ['合同会社白樺トレーディング', 'ド)シラカバトレーディング', 'ﾄﾞ)ｼﾗｶﾊﾞﾄﾚ-ﾃﾞｲﾝｸﾞ'],
    ['北斗精機株式会社', 'ホクトセイキ(カ', 'ﾎｸﾄｾｲｷ(ｶ'],
  ])('reads %s as %s, stored as %s', (name, reading, stored) => {
    expect(demoAccountHolder(name)).toBe(reading);
    const parsed = parseBankAccount({ bankCode: '0001', branchCode: '001', depositType: '1', accountNumber: '1234567', accountHolderKana: reading });
    expect(parsed.ok && parsed.account.accountHolderKana).toBe(stored);
  });

  it.each(['北海道中央商店街振興組合', '一般社団法人青葉DX推進コミュニティ', '株式会社未知語'])('gives no name for %s, which it cannot read', (name) => {
    expect(demoAccountHolder(name)).toBeNull();
  });
});
