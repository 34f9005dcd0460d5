/**
 * Coalesces single-row calls that arrive together into one statement over many rows: `submit(item)`
 * answers that item's result once the statement holding it has finished. What arrives in the same turn
 * of the event loop, or while `maxInFlight` statements are running, goes into the next statement (up to
 * `maxBatch` items). When a statement over several items fails, each item runs again alone, one after
 * the other: a call fails only when its own statement fails, so one bad item (a value the database
 * refuses, a deadlock) does not fail the calls that happened to share its statement, and the caller's
 * error handling stays per item. (A failed statement wrote nothing, so running its items again is as if
 * they had come a moment later.)
 *
 * Used where concurrent jobs each write one row (the mail worker's claim and its record of a sent mail,
 * NotificationDeliveryRepository): `concurrency` jobs then cost a statement or two per round instead of
 * one each, and no call waits longer than the statement before it.
 */
export interface StatementBatcherOptions {
  /** items in one statement at most */
  maxBatch?: number;
  /** statements running at once at most */
  maxInFlight?: number;
  /**
   * Whether a failed statement's items are worth running again alone: not when the failure is
   * everyone's (the database unreachable), where it would only repeat the failure once per item.
   */
  retryAlone?: (error: unknown) => boolean;
}

export class StatementBatcher<I, O> {
  private waiting: WaitingCall<I, O>[] = [];
  private running = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly retryAlone: (error: unknown) => boolean;

  /** `run` answers one result per item, in the items' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    options: StatementBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.retryAlone = options.retryAlone ?? (() => true);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.running >= this.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush() {
    while (this.waiting.length > 0 && this.running < this.maxInFlight) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running++;
      void this.runBatch(batch).finally(() => {
        this.running--;
        this.schedule();
      });
    }
  }

  private async runBatch(batch: WaitingCall<I, O>[]) {
    try {
      await this.settle(batch);
    } catch (e) {
      if (batch.length === 1 || !this.retryAlone(e)) return batch.forEach((call) => call.reject(e));
      for (const call of batch) await this.settle([call]).catch((alone: unknown) => call.reject(alone));
    }
  }

  /** runs the calls' items as one statement and answers each call its result */
  private async settle(calls: WaitingCall<I, O>[]) {
    const results = await this.run(calls.map((c) => c.item));
    if (results.length !== calls.length) throw new Error(`a batched statement answered ${results.length} results for ${calls.length} items`);
    calls.forEach((c, i) => c.resolve(results[i]));
  }
}

interface WaitingCall<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}
