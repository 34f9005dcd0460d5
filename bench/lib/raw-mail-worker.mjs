#!/usr/bin/env node
/**
 * The baseline of bench/notifications-throughput.mjs: the least a BullMQ + nodemailer sender does.
 * One BullMQ Worker on queue `mail`, each job `{ to, messageId }` sent through one pooled nodemailer
 * transport with a fixed subject and body (read from MAIL_FILE). No database, no claim, no record.
 * CONCURRENCY pooled SMTP connections, JOBS_PER_CONNECTION (default 1) jobs at once per connection.
 * Prints `ready` when the worker listens; SIGTERM closes it.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'bullmq';
import nodemailer from 'nodemailer';

const { REDIS_URL, BULL_PREFIX, SMTP_URL, MAIL_FILE } = process.env;
const concurrency = Number(process.env.CONCURRENCY ?? 10);
const jobsPerConnection = Number(process.env.JOBS_PER_CONNECTION ?? 1);
const mail = JSON.parse(readFileSync(MAIL_FILE, 'utf8'));
const transport = nodemailer.createTransport({ url: SMTP_URL, pool: true, maxConnections: concurrency, maxMessages: 100 });
const worker = new Worker(
  'mail',
  async (job) => {
    const info = await transport.sendMail({ ...mail, to: job.data.to, messageId: job.data.messageId, headers: { 'Auto-Submitted': 'auto-generated' } });
    return String(info.response);
  },
  { connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix: BULL_PREFIX, concurrency: concurrency * jobsPerConnection },
);
worker.on('failed', (job, err) => console.error(`job ${job?.id} failed: ${err.message}`));
await worker.waitUntilReady();
console.log('ready');
process.on('SIGTERM', async () => {
  await worker.close();
  transport.close();
  process.exit(0);
});
