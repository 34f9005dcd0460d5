import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordPolicyProblems } from '../auth/password-policy';
import { DEMO_PASSWORD, DEVELOPMENT_INITIAL_ADMIN_PASSWORD } from '../auth/published-passwords';
import type { StaffRole } from '../auth/roles';
import { StaffUser } from '../modules/users/staff-user.entity';
import type { DemoLogin } from './demo-logins';
import { INITIAL_ADMIN_EMAIL } from '../config/initial-admin';
import type { SeedContext, SeedStep } from './seed-step';

interface SeedAccount {
  email: string;
  name: string;
  role: StaffRole;
  organisation?: string;
  password: string;
  mustChangePassword: boolean;
}

/**
 * The first administrator: must change the password at first login. `password` is the development demo
 * password only (printed by `npm start`); outside development the password is INITIAL_ADMIN_PASSWORD or
 * random (see initialAdminSeed), so no fixed initial password exists in production.
 */
export const INITIAL_ADMIN: SeedAccount = {
  email: INITIAL_ADMIN_EMAIL,
  name: '事務局 管理者',
  role: 'admin',
  password: DEVELOPMENT_INITIAL_ADMIN_PASSWORD,
  mustChangePassword: true,
};

/** A random initial password the password policy accepts (24 base64url characters: 144 random bits). */
export function randomInitialPassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (passwordPolicyProblems(candidate, { email: INITIAL_ADMIN_EMAIL }).length === 0) return candidate;
  }
}

/** The first administrator's password and how the seed reports it (printed once, when the account is created). */
function initialAdminPassword(context: SeedContext): { password: string; shown: string } {
  if (context.initialAdminPassword) return { password: context.initialAdminPassword, shown: 'the password from INITIAL_ADMIN_PASSWORD' };
  if (context.demo) return { password: INITIAL_ADMIN.password, shown: 'the demo password listed below' };
  const password = randomInitialPassword();
  return { password, shown: `the initial password ${password} (shown only this once: note it now)` };
}

export { DEMO_PASSWORD };

/** One account of every role, and a pool of reviewers from several organisations (for conflicts of interest). */
export const DEMO_ACCOUNTS: SeedAccount[] = [
  { email: 'manager@jimukyoku.example.jp', name: '山田 太郎', role: 'manager', password: DEMO_PASSWORD, mustChangePassword: false },
  { email: 'auditor@jimukyoku.example.jp', name: '鈴木 監査', role: 'auditor', password: DEMO_PASSWORD, mustChangePassword: false },
  ...[
    ['reviewer@jimukyoku.example.jp', '佐藤 花子', '中小企業診断協会'],
    ['reviewer2@jimukyoku.example.jp', '高橋 健一', 'みらい税理士法人'],
    ['reviewer3@jimukyoku.example.jp', '田中 美咲', '東西銀行'],
    ['reviewer4@jimukyoku.example.jp', '伊藤 誠', '中小企業診断協会'],
    ['reviewer5@jimukyoku.example.jp', '渡辺 由美', 'あおば経営コンサルティング'],
  ].map(([email, name, organisation]) => ({ email, name, organisation, role: 'reviewer' as const, password: DEMO_PASSWORD, mustChangePassword: false })),
];

export const STAFF_LOGINS: DemoLogin[] = [
  { role: 'admin', email: INITIAL_ADMIN.email, password: INITIAL_ADMIN.password, note: '初回ログイン時にパスワード変更 (変更済みなら新しいパスワード)' },
  ...DEMO_ACCOUNTS.filter((a, i, all) => all.findIndex((b) => b.role === a.role) === i).map((a) => ({ role: a.role, email: a.email, password: a.password })),
];

/**
 * Inserts the accounts not there yet. Accounts given one password share one argon2 hash: the demo's seven share the
 * published DEMO_PASSWORD, and hashing it seven times (about half a second each, on purpose) only slowed every
 * `npm start` and test suite that seeds them.
 */
async function insertMissing(manager: EntityManager, accounts: SeedAccount[]): Promise<SeedAccount[]> {
  const created: SeedAccount[] = [];
  const hashes = new Map<string, Promise<string>>();
  const hashOnce = (password: string) => {
    let hash = hashes.get(password);
    if (!hash) hashes.set(password, (hash = hashPassword(password)));
    return hash;
  };
  for (const a of accounts) {
    const exists = await manager.getRepository(StaffUser).existsBy({ email: a.email });
    if (exists) continue;
    await manager.getRepository(StaffUser).insert({
      email: a.email,
      name: a.name,
      role: a.role,
      organisation: a.organisation ?? null,
      passwordHash: await hashOnce(a.password),
      mustChangePassword: a.mustChangePassword,
    });
    created.push(a);
  }
  return created;
}

export const initialAdminSeed: SeedStep = {
  name: 'initial administrator',
  kind: 'reference',
  async run(manager, context) {
    // The password (random outside development) is made, and printed, only when the account is created.
    const existing = await manager.getRepository(StaffUser).findOne({ where: { email: INITIAL_ADMIN.email }, select: { id: true, passwordHash: true } });
    if (existing && !context.demo && (await verifyPassword(existing.passwordHash, INITIAL_ADMIN.password))) {
      // Installed before there was no fixed initial password, and never changed since: the published one goes.
      const { password, shown } = initialAdminPassword(context);
      await manager.getRepository(StaffUser).update({ id: existing.id }, { passwordHash: await hashPassword(password), mustChangePassword: true });
      await manager.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'initialPasswordReplaced' WHERE user_id = $1 AND revoked_at IS NULL`, [
        existing.id,
      ]);
      return `replaced the published initial password of ${INITIAL_ADMIN.email} with ${shown}; it must be changed at the first login`;
    }
    if (existing) return 'already present';
    const { password, shown } = initialAdminPassword(context);
    await insertMissing(manager, [{ ...INITIAL_ADMIN, password }]);
    return `created ${INITIAL_ADMIN.email} with ${shown}; it must be changed at the first login`;
  },
};

export const demoStaffSeed: SeedStep = {
  name: 'demo staff accounts',
  kind: 'demo',
  async run(manager) {
    const created = (await insertMissing(manager, DEMO_ACCOUNTS)).length;
    return `${created} created, ${DEMO_ACCOUNTS.length - created} already present`;
  },
};
