import { statesTagged, workflowStatesTagged } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { workflowStateSql } from '../../database';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import type { AuthenticatedUser } from '../../auth/roles';
import { demoRandom, type DemoRandom } from './demo-random';
import { asUser, demoServices, type DemoServices } from './demo-services';

/** Readings of the words demo applicants' names are made of (demo-random.ts, demo-programmes.seed.ts). */
const READINGS: Readonly<Record<string, string>> = {
  北斗: 'ホクト',
  さくら: 'サクラ',
  青葉: 'アオバ',
  大和: 'ヤマト',
  東洋: 'トウヨウ',
  みなと: 'ミナト',
  富士: 'フジ',
  若葉: 'ワカバ',
  瑞穂: 'ミズホ',
  朝日: 'アサヒ',
  光: 'ヒカリ',
  丸和: 'マルワ',
  白樺: 'シラカバ',
  海風: 'ウミカゼ',
  山吹: 'ヤマブキ',
  桜井: 'サクライ',
  中央: 'チュウオウ',
  信栄: 'シンエイ',
  昭和: 'ショウワ',
  旭: 'アサヒ',
  精機: 'セイキ',
  製作所: 'セイサクショ',
  工業: 'コウギョウ',
  食品: 'ショクヒン',
  商事: 'ショウジ',
  システム: 'システム',
  観光: 'カンコウ',
  醸造: 'ジョウゾウ',
  建設: 'ケンセツ',
  電子: 'デンシ',
  物産: 'ブッサン',
  テクノ: 'テクノ',
  印刷: 'インサツ',
  木工: 'モッコウ',
  フーズ: 'フーズ',
  金属: 'キンゾク',
  化成: 'カセイ',
  商会: 'ショウカイ',
  トレーディング: 'トレーディング',
  商店: 'ショウテン',
  ストア: 'ストア',
  薬局: 'ヤッキョク',
  酒店: 'サケテン',
  書店: 'ショテン',
  企画: 'キカク',
  サービス: 'サービス',
  デザイン: 'デザイン',
  運輸: 'ウンユ',
};

/** 法人格 as banks abbreviate them in a 口座名義 (docs/payments.md): before the name, or after it. */
const LEGAL_FORMS: readonly [string, string][] = [
  ['株式会社', 'カ'],
  ['有限会社', 'ユ'],
  ['合同会社', 'ド'],
];

/** The 口座名義 of a demo company, e.g. 株式会社北斗精機 → カ)ホクトセイキ, or null for a name it cannot read. */
export function demoAccountHolder(name: string): string | null {
  let rest = name;
  let before = '';
  let after = '';
  for (const [form, abbreviation] of LEGAL_FORMS) {
    if (rest.startsWith(form)) {
      before = `${abbreviation})`;
      rest = rest.slice(form.length);
    } else if (rest.endsWith(form)) {
      after = `(${abbreviation}`;
      rest = rest.slice(0, -form.length);
    }
  }
  if (!before && !after) return null;
  let reading = '';
  while (rest !== '') {
    const word = Object.keys(READINGS)
      .filter((w) => rest.startsWith(w))
      .sort((a, b) => b.length - a.length)[0];
    if (!word) return null;
    reading += READINGS[word];
    rest = rest.slice(word.length);
  }
  return before + reading + after;
}

/** A few real 金融機関コード, for accounts that look like the ones a secretariat receives. */
const BANK_CODES = ['0001', '0005', '0009', '0010', '0017', '0116', '0138', '0179', '1251', '2004'];

/**
 * Registers the payee's account of a demo application through the service staff use (validated and audited): a
 * real 金融機関コード, its 口座名義 read from the company name; false when the name cannot be read (no account, as one
 * not yet sent by its applicant).
 */
export async function registerDemoAccount(
  bankAccounts: DemoServices['bankAccounts'],
  app: { id: string; applicantName: string },
  r: DemoRandom,
  manager: AuthenticatedUser,
): Promise<boolean> {
  const holder = demoAccountHolder(app.applicantName);
  if (!holder) return false;
  await bankAccounts.create(
    {
      applicationId: app.id,
      bankCode: r.pick(BANK_CODES),
      branchCode: String(r.int(1, 899)).padStart(3, '0'),
      depositType: r.next() < 0.85 ? '1' : '2',
      accountNumber: String(r.int(1_000_000, 9_999_999)),
      accountHolderKana: holder,
    },
    manager,
    {},
  );
  return true;
}

/**
 * The payee's bank account of each adopted demo application (states tagged `holdsSlot`: 採択 and after, so
 * the subsidy's post-award applications have one) and of each one due to be paid (`awaitsPayment`: a 給付金's
 * 給付決定, for the demo payment batch) that has none yet (the stories register the accounts of what they pay
 * themselves, demo-payments.ts). Company names are read into 口座名義 kana by a small dictionary; an application
 * whose name it cannot read gets no account. Runs after the demo applications.
 */
export const demoBankAccountsSeed: SeedStep = {
  name: 'demo payee bank accounts',
  kind: 'demo',
  async run(m: EntityManager) {
    const manager = asUser(await m.findOneByOrFail(StaffUser, { role: 'manager' }));
    const { bankAccounts } = demoServices(m);
    const adopted: { id: string; applicantName: string }[] = await m.query(
      `SELECT id, applicant_name AS "applicantName" FROM application
        WHERE (status = ANY($1) OR ${workflowStateSql('application')} = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM bank_account b WHERE b.application_id = application.id)
        ORDER BY receipt_number NULLS LAST, id`,
      [statesTagged('holdsSlot'), workflowStatesTagged('awaitsPayment')],
    );
    // a name the dictionary cannot read never gets one: a second run finds nothing to do
    const readable = adopted.filter((a) => demoAccountHolder(a.applicantName) !== null);
    if (readable.length === 0) return 'already present';
    const r = demoRandom(16);
    for (const app of readable) await registerDemoAccount(bankAccounts, app, r, manager);
    return `${readable.length} bank accounts (${adopted.length - readable.length} adopted applications without one)`;
  },
};
