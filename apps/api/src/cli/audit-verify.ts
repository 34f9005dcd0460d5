import { DataSource } from 'typeorm';
import { DEV_DATABASE_URL, redact } from '../config';
import { dataSourceOptions } from '../database/data-source-options';
import { AuditChainRepository } from '../modules/audit/audit-chain.repository';
import { verifyAuditChain } from '../modules/audit/audit-verify';

/**
 * `npm run audit:verify [-- <database URL>]`: checks the audit hash chain of DATABASE_URL's database (or
 * the URL given) and prints the first broken record (id, time, action) and the records not sealed yet.
 * Exit 0 when intact, 1 when broken, 2 when it could not check. Reading is enough: run it as any role that
 * may SELECT audit_log, audit_chain and audit_seal_queue (the application's does).
 */
async function main() {
  const url = process.argv[2] ?? process.env.DATABASE_URL ?? DEV_DATABASE_URL;
  try {
    new URL(url);
  } catch {
    process.stderr.write('audit:verify: the database URL (argument or DATABASE_URL) is not a valid URL\n');
    process.exit(2);
  }
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2), migrations: [] });
  try {
    await dataSource.initialize();
  } catch (e) {
    process.stderr.write(`audit:verify: cannot connect to ${redact(url)} (${(e as Error).message})\n`);
    process.exit(2);
  }
  try {
    const result = await verifyAuditChain(new AuditChainRepository(dataSource));
    for (const line of result.report) (result.ok || !line.startsWith('BROKEN') ? process.stdout : process.stderr).write(`${line}\n`);
    process.exitCode = result.ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`audit:verify: could not check the chain (${(e as Error).message})\n`);
    process.exitCode = 2;
  } finally {
    await dataSource.destroy();
  }
}

void main();
