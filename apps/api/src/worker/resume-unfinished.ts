import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/** how often a running worker looks again for unfinished work whose job Redis lost */
export const RESUME_UNFINISHED_EVERY_MS = 60_000;

/**
 * A worker's look for unfinished work (imports, exports) whose job is gone: when the worker starts, then every
 * RESUME_UNFINISHED_EVERY_MS until it stops, so work queued as Redis lost its data does not wait for a restart
 * (as WorkerScheduler re-asserts its schedules). A failed look is logged and the next one tries again.
 */
export abstract class ResumeUnfinished implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  /** One look: each unfinished item whose job is gone (or failed, where it can be tried again) gets it back. */
  abstract resume(): Promise<void>;

  async onApplicationBootstrap() {
    await this.resume();
    this.timer = setInterval(
      () => this.resume().catch((e) => this.logger.warn(`looking for unfinished work failed, tried again in a minute: ${(e as Error).message}`)),
      RESUME_UNFINISHED_EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }
}
