import type { WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config';

/** how often a worker looks for mail jobs whose worker died (BullMQ's stalled-job check) */
const STALLED_CHECK_MS = 15_000;
/**
 * How many times a mail job may be picked up again after its worker died. Safe to be generous: a
 * send job that finds its notification `sending` asks the mail server before sending again.
 */
const MAX_STALLED = 5;

/**
 * BullMQ's rate limiter for `rate` jobs per second, as the smallest window that still lets at least
 * one job through: 5/s → 1 per 200 ms (evenly spaced), 50/s → 5 per 100 ms, 1000/s → 100 per 100 ms.
 * The limiter lives in Redis under the queue's key, so it holds for all workers together.
 */
export function mailRateLimiter(rate: number): WorkerOptions['limiter'] | undefined {
  if (rate <= 0) return undefined;
  const max = Math.max(1, Math.floor(rate / 10));
  return { max, duration: Math.round((1000 * max) / rate) };
}

/**
 * Send jobs one worker runs at once per pooled SMTP connection (MAIL_CONCURRENCY connections). A send job
 * holds a connection only for its SMTP conversation: before it, it waits for the statement that claims its
 * notification, after it for the one that records it `sent` (NotificationDeliveryRepository). With one job
 * per connection each connection idles through both; with two, one job talks to the server while the
 * other is in the database. bench/README.md (`mail`, 2026-12-04): about a tenth more mails per second
 * (mean 758 against 683 mails/s over 18 and 5 runs); the bench gives its raw sender as many jobs per connection.
 */
export const SEND_JOBS_PER_CONNECTION = 2;

/** The worker options of the mail queue, from the configuration. */
export function mailWorkerOptions(config: Pick<AppConfig, 'mailRatePerSecond' | 'mailConcurrency'>): Partial<WorkerOptions> {
  const limiter = mailRateLimiter(config.mailRatePerSecond);
  return {
    concurrency: config.mailConcurrency * SEND_JOBS_PER_CONNECTION,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: MAX_STALLED,
    ...(limiter ? { limiter } : {}),
  };
}
