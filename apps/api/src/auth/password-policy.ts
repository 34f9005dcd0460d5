import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { isPublishedPassword } from './published-passwords';

/**
 * What a staff password must be, decided in one place for every way a password is set (own change,
 * an administrator's create or reset, the first administrator at install).
 *
 * Strength and the common/breached list come from zxcvbn-ts (its common-password dictionary is the
 * maintained list of leaked passwords); only the length bounds, the email rule and the project's own published
 * passwords (published-passwords.ts) are ours.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but an unbounded one is a cheap way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn scores 0..4; 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;
/**
 * zxcvbn looks at this many leading characters: its matching grows fast with length (a 200-character
 * password can take a third of a second of CPU), and 40 characters that are hard to guess are enough.
 */
const ESTIMATED_LENGTH = 40;
/** A local part shorter than this (`ab@…`) would refuse too many unrelated passwords. */
const MIN_LOCAL_PART = 3;

export const PASSWORD_PROBLEMS = {
  tooShort: `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。`,
  tooLong: `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください。`,
  common: 'よく使われている、または過去に漏えいしたパスワードのため使えません。',
  published: 'デモ用として公開されているパスワードのため使えません。',
  containsEmail: 'メールアドレス (または @ より前の部分) を含むパスワードは使えません。',
  guessable: '推測されやすいパスワードです。単語・数字の並びやキーボード配列を避け、無関係な単語をいくつもつなげるなど、長く予測しにくいものにしてください。',
} as const;

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

const COMMON_DICTIONARY = 'passwords-common';
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary[COMMON_DICTIONARY].map((w) => w.toLowerCase())));

/** The problems of `password` as Japanese sentences a person can act on; empty when acceptable. */
export function passwordPolicyProblems(password: string, context: { email: string }): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(PASSWORD_PROBLEMS.tooShort);
  if (password.length > MAX_PASSWORD_LENGTH) return [...problems, PASSWORD_PROBLEMS.tooLong];

  const email = context.email.trim().toLowerCase();
  const localPart = email.split('@')[0] ?? '';
  const lowered = password.toLowerCase();
  // compared as NFKC: 「ＲＥＶＩＥＷＥＲ」 in full-width letters is the local part 'reviewer' all the same
  const folded = password.normalize('NFKC').toLowerCase();
  const containsEmail = (email.length > 0 && folded.includes(email)) || (localPart.length >= MIN_LOCAL_PART && folded.includes(localPart));

  const result = zxcvbn().check(
    password.slice(0, ESTIMATED_LENGTH),
    [email, localPart].filter((s) => s.length >= MIN_LOCAL_PART),
  );
  // The whole password is one entry of the common/breached list (in any case; zxcvbn also sees leet or reversed).
  const isCommon =
    commonPasswords().has(lowered) ||
    (password.length <= ESTIMATED_LENGTH &&
      result.sequence.length === 1 &&
      result.sequence[0].pattern === 'dictionary' &&
      result.sequence[0].dictionaryName === COMMON_DICTIONARY);

  const published = isPublishedPassword(password);
  if (published) problems.push(PASSWORD_PROBLEMS.published);
  else if (isCommon) problems.push(PASSWORD_PROBLEMS.common);
  if (containsEmail) problems.push(PASSWORD_PROBLEMS.containsEmail);
  if (!published && !isCommon && !containsEmail && result.score < MIN_PASSWORD_SCORE && password.length >= MIN_PASSWORD_LENGTH)
    problems.push(PASSWORD_PROBLEMS.guessable);
  return problems;
}
