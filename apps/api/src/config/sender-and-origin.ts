// The two addresses the outside world sees the product by: the From of its mails and the admin's origin for CORS.
// Read from the environment by loadConfig (app-config.ts).
import type { ConfigVariable } from './app-config';

/** Development and test only: a recognisable sample; production names its own (MAIL_FROM). */
export const DEV_MAIL_FROM = '事務局 <no-reply@jimukyoku.example.jp>';
/** Development only: the admin's Vite dev server. */
export const DEV_ADMIN_ORIGIN = 'http://localhost:5173';

const ADDRESS = /^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/;

/**
 * The From of every mail: an address, optionally with a display name (「事務局 <no-reply@example.jp>」). Production
 * requires its own: the default is development's example.jp address, which no applicant could reply to or trust.
 */
export function mailFromConfig(read: (name: ConfigVariable) => string | undefined, production: boolean, problems: string[]): string {
  const value = read('MAIL_FROM')?.trim();
  if (!value) {
    if (production) problems.push("MAIL_FROM must be set in production: the From of every mail (the default is development's example.jp address)");
    return DEV_MAIL_FROM;
  }
  const named = /^[^<>]*<([^<>]+)>$/.exec(value);
  if (/[\r\n]/.test(value) || !ADDRESS.test(named ? named[1].trim() : value))
    problems.push(`MAIL_FROM must be an email address, optionally with a name (事務局 <no-reply@example.jp>), got "${value}"`);
  return value;
}

/**
 * The one origin CORS allows, exactly as a browser sends it in `Origin` (scheme://host[:port]: no path, no trailing
 * slash, so that 「https://admin.example.jp/」 does not silently match nothing), https in production; unset: none in
 * production (the admin is served same-origin), the Vite dev server elsewhere.
 */
export function adminOriginConfig(read: (name: ConfigVariable) => string | undefined, production: boolean, problems: string[]): string | null {
  const value = read('ADMIN_ORIGIN')?.trim();
  if (!value) return production ? null : DEV_ADMIN_ORIGIN;
  let origin: string | null = null;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') origin = parsed.origin;
  } catch {
    // not a URL: said below
  }
  if (origin !== value)
    problems.push(
      `ADMIN_ORIGIN must be an origin as a browser sends it, scheme://host[:port] without a path or trailing slash${origin ? ` (${origin})` : ''}, got "${value}"`,
    );
  else if (production && !value.startsWith('https://')) problems.push(`ADMIN_ORIGIN must be https in production, got "${value}"`);
  return value;
}
