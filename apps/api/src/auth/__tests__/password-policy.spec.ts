import { passwordPolicyProblems, PASSWORD_PROBLEMS } from '../password-policy';

const email = 'tanaka.taro@jimukyoku.example.jp';
const problems = (password: string) => passwordPolicyProblems(password, { email });

describe('passwordPolicyProblems', () => {
  it.each([
    ['a long random passphrase', 'kumo-HASHI 7 natsu yuki RENGA'],
    ['random characters', 'Kj3#mP9q-Xv2wL'],
    ['unrelated words strung together', 'correcthorsebatterystaple'],
  ])('accepts %s', (_rule, password) => {
    expect(problems(password)).toEqual([]);
  });

  it.each([
    ['shorter than 12 characters', 'Xq7#vL2p', PASSWORD_PROBLEMS.tooShort],
    ['longer than 200 characters', 'Kj3#mP9q-Xv2wL'.repeat(15), PASSWORD_PROBLEMS.tooLong],
    ['on the common/breached list', 'qazwsxedcrfv', PASSWORD_PROBLEMS.common],
    ['on the list in another case', 'FinalFantasy', PASSWORD_PROBLEMS.common],
    ['on the list in leetspeak', 'w3bs0lut10ns', PASSWORD_PROBLEMS.common],
    ['listed with digits appended', 'password1234', PASSWORD_PROBLEMS.common],
    ['containing the whole email', `${email}!9`, PASSWORD_PROBLEMS.containsEmail],
    ['containing the email in capitals', 'X7-TANAKA.TARO@JIMUKYOKU.EXAMPLE.JP', PASSWORD_PROBLEMS.containsEmail],
    ['containing the local part', 'tanaka.taro-Kj3#mP9q', PASSWORD_PROBLEMS.containsEmail],
    ['containing the local part in full-width letters', 'ＴＡＮＡＫＡ．ＴＡＲＯ-Kj3#mP9q', PASSWORD_PROBLEMS.containsEmail],
    ['made of a common word, digits and a symbol', 'Password123!', PASSWORD_PROBLEMS.guessable],
    ['a keyboard walk', 'zxcvbnm,./asdf', PASSWORD_PROBLEMS.guessable],
    ['one repeated character', 'aaaaaaaaaaaaaaaa', PASSWORD_PROBLEMS.guessable],
    ['the demo staff’s published one (README "Demo logins")', 'demo-password-2022', PASSWORD_PROBLEMS.published],
    ['the published one in other letters', 'Demo-Password-2022', PASSWORD_PROBLEMS.published],
    ['the development administrator’s published one', 'jimukyoku-admin-initial', PASSWORD_PROBLEMS.published],
  ])('refuses a password %s', (_rule, password, problem) => {
    expect(problems(password)).toContain(problem);
  });

  it('lists every problem at once, in Japanese', () => {
    const found = passwordPolicyProblems('mizuhara', { email: 'mizuhara@example.jp' });
    expect(found).toEqual([PASSWORD_PROBLEMS.tooShort, PASSWORD_PROBLEMS.containsEmail]);
    for (const p of found) expect(p).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('judges the strength of a long password by its first 40 characters (zxcvbn slows down with length)', () => {
    expect(problems('password'.repeat(25))).toEqual([PASSWORD_PROBLEMS.guessable]);
    expect(problems(`kumo-HASHI 7 natsu yuki RENGA ${'a'.repeat(150)}`)).toEqual([]);
    expect(problems(`${'a'.repeat(150)}kumo-HASHI 7 natsu yuki RENGA`)).toEqual([PASSWORD_PROBLEMS.guessable]);
    expect(problems(`Kj3#mP9q-Xv2wL-Kj3#mP9q-Xv2wL-Kj3#mP9q-Xv2wL ${email}`)).toEqual([PASSWORD_PROBLEMS.containsEmail]);
  });

  it('ignores a local part too short to mean anything', () => {
    expect(passwordPolicyProblems('ab-Kj3#mP9q-Xv2wL', { email: 'ab@example.jp' })).toEqual([]);
  });
});
