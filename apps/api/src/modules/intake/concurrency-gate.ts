/**
 * At most `capacity` holders at once; a newcomer waits at most `maxWaitMs` for a slot (and only while
 * fewer than `maxWaiters` already wait), else it is turned away at once. `enter` resolves to the
 * release function, or null when turned away. Pure: no framework, no clock but timers.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiters: Array<(granted: boolean) => void> = [];

  constructor(
    readonly capacity: number,
    readonly maxWaiters: number,
    readonly maxWaitMs: number,
  ) {
    if (!(capacity >= 1)) throw new Error('capacity must be at least 1');
  }

  get inFlight() {
    return this.active;
  }

  get queued() {
    return this.waiters.length;
  }

  async enter(): Promise<(() => void) | null> {
    if (this.active < this.capacity) {
      this.active++;
      return this.releaser();
    }
    if (this.waiters.length >= this.maxWaiters || this.maxWaitMs <= 0) return null;
    const granted = await new Promise<boolean>((resolve) => {
      const waiter = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(false);
      }, this.maxWaitMs);
      this.waiters.push(waiter);
    });
    // a granted waiter inherits the slot of the holder that left (active unchanged)
    return granted ? this.releaser() : null;
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next(true);
      else this.active--;
    };
  }
}

/** Intake keeps a fifth of the pool (at least one connection, when there are two) for staff and health. */
export function intakeCapacity(poolSize: number): number {
  return Math.max(1, poolSize - Math.max(1, Math.floor(poolSize / 5)));
}
