import { Client } from 'pg';
import Redis from 'ioredis';
import { redact } from '../config';

export interface ServiceProblem {
  service: 'PostgreSQL' | 'Redis';
  url: string;
  error: string;
}

/**
 * Connects once to PostgreSQL (server level, database `postgres`) and Redis with short timeouts, so a
 * wrong URL or a stopped service becomes one readable line instead of a retry loop of stack traces.
 */
export async function checkServices(databaseUrl: string, redisUrl: string): Promise<ServiceProblem[]> {
  const [pg, redis] = await Promise.all([checkPostgres(databaseUrl), checkRedis(redisUrl)]);
  return [pg, redis].filter((p): p is ServiceProblem => p !== null);
}

async function checkPostgres(databaseUrl: string): Promise<ServiceProblem | null> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return { service: 'PostgreSQL', url: redact(databaseUrl), error: describe(e) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(redisUrl: string): Promise<ServiceProblem | null> {
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (e) {
    return { service: 'Redis', url: redact(redisUrl), error: describe(e) };
  } finally {
    client.disconnect();
  }
}

function describe(e: unknown): string {
  if (e instanceof AggregateError) return e.errors.map(describe).join('; ');
  if (e instanceof Error) return (e as NodeJS.ErrnoException).code ? `${(e as NodeJS.ErrnoException).code}: ${e.message}` : e.message;
  return String(e);
}

export function formatServiceProblems(problems: ServiceProblem[]): string {
  return problems.map((p) => `  - ${p.service} at ${p.url} is not reachable (${p.error})`).join('\n');
}
