/** The logins `npm start` prints; filled by the accounts seed step. */
export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  note?: string;
}
export const DEMO_LOGINS: DemoLogin[] = [];
