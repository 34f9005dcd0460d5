import { STAFF_LOGINS } from './staff-accounts.seed';

/** The logins `npm start` prints. */
export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  note?: string;
}

export const DEMO_LOGINS: DemoLogin[] = STAFF_LOGINS;
