import { isIP } from 'node:net';

/**
 * TRUST_PROXY: which proxies may tell the client's address in X-Forwarded-For (Express's `trust proxy`).
 * Login throttling counts failures per client address, so it must be the real client's: behind a proxy
 * on another host that proxy has to be trusted, or every client looks like one and 30 failures from
 * anyone would stop everybody's logins. Trusting every sender (`true`, `*`) is refused: a client could
 * then name any address, dodge its own throttle and get another client's address blocked.
 */
const NAMED = ['loopback', 'linklocal', 'uniquelocal'];

export type TrustProxy = string | number;

export function parseTrustProxy(raw: string): { value: TrustProxy } | { problem: string } {
  const value = raw.trim();
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? { value: hops } : { problem: `TRUST_PROXY as a number of proxy hops must be between 1 and 10, got "${raw}"` };
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !NAMED.includes(e) && !isAddressOrSubnet(e));
  if (entries.length === 0 || bad.length > 0) {
    return {
      problem: `TRUST_PROXY must be ${NAMED.join(', ')}, IP addresses or subnets (comma-separated) or a number of hops, got "${raw}" (trusting every sender is refused)`,
    };
  }
  return { value: entries.join(',') };
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
