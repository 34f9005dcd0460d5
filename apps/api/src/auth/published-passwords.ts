/**
 * The passwords this repository publishes: the demo staff's (README "Demo logins", printed by `npm start`) and the
 * first administrator's development one. Anyone can read them, so no password may be set to one of them
 * (password-policy.ts), and in production none of them signs anyone in, even on a database that holds the demo's
 * accounts (auth.service.ts `login`).
 */
export const DEMO_PASSWORD = 'demo-password-2022';
export const DEVELOPMENT_INITIAL_ADMIN_PASSWORD = 'jimukyoku-admin-initial';

const PUBLISHED = [DEMO_PASSWORD, DEVELOPMENT_INITIAL_ADMIN_PASSWORD].map((p) => p.toLowerCase());

/** Whether `password` is one of them, in any letter case. */
export const isPublishedPassword = (password: string): boolean => PUBLISHED.includes(password.normalize('NFKC').toLowerCase());
