/** The first administrator's email: the account the seed creates on an empty database (see seed/staff-accounts.seed.ts). */
export const INITIAL_ADMIN_EMAIL = 'admin@jimukyoku.example.jp';
