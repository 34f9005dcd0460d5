import type { Logger } from '@nestjs/common';

/**
 * Runs `work` every `ms` (after a first run the caller awaits itself) until the returned stop is called; a failed
 * run is logged and the next one tries again. For the worker's own checks that must not wait for a restart (what
 * Redis lost while the worker ran), as WorkerScheduler re-asserts its schedules.
 */
export function repeatEvery(ms: number, work: () => Promise<unknown>, logger: Logger, what: string): () => void {
  const timer = setInterval(() => work().catch((e) => logger.warn(`${what} failed, tried again in ${ms / 1000} s: ${(e as Error).message}`)), ms);
  timer.unref();
  return () => clearInterval(timer);
}
