import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import type { StaffRole } from '../auth/roles';
import { StaffUser } from '../modules/users/staff-user.entity';
import type { DemoLogin } from './demo-logins';
import type { SeedStep } from './seed-step';

interface SeedAccount {
  email: string;
  name: string;
  role: StaffRole;
  organisation?: string;
  password: string;
  mustChangePassword: boolean;
}

/** The first administrator: must change the password at first login. */
export const INITIAL_ADMIN: SeedAccount = {
  email: 'admin@jimukyoku.example.jp',
  name: '事務局 管理者',
  role: 'admin',
  password: 'jimukyoku-admin-initial',
  mustChangePassword: true,
};

export const DEMO_PASSWORD = 'demo-password-2022';

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

async function insertMissing(manager: EntityManager, accounts: SeedAccount[]): Promise<number> {
  let created = 0;
  for (const a of accounts) {
    const exists = await manager.getRepository(StaffUser).existsBy({ email: a.email });
    if (exists) continue;
    await manager.getRepository(StaffUser).insert({
      email: a.email,
      name: a.name,
      role: a.role,
      organisation: a.organisation ?? null,
      passwordHash: await hashPassword(a.password),
      mustChangePassword: a.mustChangePassword,
    });
    created++;
  }
  return created;
}

export const initialAdminSeed: SeedStep = {
  name: 'initial administrator',
  kind: 'reference',
  async run(manager) {
    const created = await insertMissing(manager, [INITIAL_ADMIN]);
    return created ? `created ${INITIAL_ADMIN.email}` : 'already present';
  },
};

export const demoStaffSeed: SeedStep = {
  name: 'demo staff accounts',
  kind: 'demo',
  async run(manager) {
    const created = await insertMissing(manager, DEMO_ACCOUNTS);
    return `${created} created, ${DEMO_ACCOUNTS.length - created} already present`;
  },
};
