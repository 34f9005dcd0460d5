export type ServiceStatus = { status: 'up' | 'down'; [detail: string]: unknown };

/** Services the API can serve without: while one is down the API is degraded, not down. */
const OPTIONAL = new Set(['redis']);

export interface HealthReport {
  /** ok: all up; degraded: only optional services down (intake and login still work); error: PostgreSQL down */
  status: 'ok' | 'degraded' | 'error';
  down: string[];
  info: Record<string, ServiceStatus>;
  error: Record<string, ServiceStatus>;
  details: Record<string, ServiceStatus>;
}

/** One health answer from each service's check (terminus's info / error / details shape, plus `down`). */
export function overallHealth(services: Record<string, ServiceStatus>): HealthReport {
  const entries = Object.entries(services);
  const down = entries.filter(([, s]) => s.status !== 'up').map(([name]) => name);
  return {
    status: down.length === 0 ? 'ok' : down.every((name) => OPTIONAL.has(name)) ? 'degraded' : 'error',
    down,
    info: Object.fromEntries(entries.filter(([, s]) => s.status === 'up')),
    error: Object.fromEntries(entries.filter(([, s]) => s.status !== 'up')),
    details: Object.fromEntries(entries),
  };
}
