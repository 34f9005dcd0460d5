import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in a status link (README "Status page"): `<link id, 32 hex>.<expiry, unix seconds in base 36>.<signature>`,
 * the signature being HMAC-SHA256 over the id and the expiry with STATUS_LINK_SECRET, base64url (43
 * characters). The token names only its link row; what the page shows is read from the database each time,
 * and the row can be revoked. A token whose signature does not match is refused before the database is
 * asked, compared in constant time.
 */
export interface StatusLinkClaims {
  /** the status_link row's id (uuid) */
  linkId: string;
  /** when the link stops working */
  expiresAt: Date;
}

const TOKEN = /^([0-9a-f]{32})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;
const DOMAIN = 'jimukyoku-status-link-v1';

const signature = (secret: string, hexId: string, exp: string): Buffer => createHmac('sha256', secret).update(`${DOMAIN}\n${hexId}\n${exp}`).digest();

export function signStatusLink(secret: string, claims: StatusLinkClaims): string {
  const hexId = claims.linkId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hexId)) throw new Error(`not a uuid: ${claims.linkId}`);
  const exp = Math.floor(claims.expiresAt.getTime() / 1000).toString(36);
  return `${hexId}.${exp}.${signature(secret, hexId, exp).toString('base64url')}`;
}

export type VerifiedToken =
  { ok: true; claims: StatusLinkClaims } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; claims: StatusLinkClaims };

/**
 * Checks a token's form and signature (constant time), then its expiry against `now`. `invalid` covers a
 * malformed, tampered or foreign token alike; the page answers both reasons with the same 404.
 */
export function verifyStatusLink(secret: string, token: string, now: Date): VerifiedToken {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, hexId, exp, sig] = m;
  // compared as the text the link carries: decoded, a last character differing only in its two unused bits
  // (…PLKQ and …PLKR) gave the same bytes, so an altered link opened the page
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(secret, hexId, exp).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  const linkId = `${hexId.slice(0, 8)}-${hexId.slice(8, 12)}-${hexId.slice(12, 16)}-${hexId.slice(16, 20)}-${hexId.slice(20)}`;
  if (!(expiresAt.getTime() > now.getTime())) return { ok: false, reason: 'expired', claims: { linkId, expiresAt } };
  return { ok: true, claims: { linkId, expiresAt } };
}
