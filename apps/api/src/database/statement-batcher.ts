/**
 * Coalesces single-row calls that arrive together into one statement over many rows: `submit(item)`
 * answers that item's result once the statement holding it has finished. What arrives in the same turn
 * of the event loop, or while `maxInFlight` statements are running, goes into the next statement (up to
 * `maxBatch` items). A failed statement fails every call in it, exactly as if each had run alone and
 * failed, so the caller's error handling stays per item.
 *
 * Used where concurrent jobs each write one row (the mail worker's claim and its record of a sent mail,
 * NotificationDeliveryRepository): `concurrency` jobs then cost a statement or two per round instead of
 * one each, and no call waits longer than the statement before it.
 */
export class StatementBatcher<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  /** `run` answers one result per item, in the items' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
    private readonly maxInFlight = 2,
  ) {}

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
      Promise.resolve()
        .then(() => this.run(batch.map((b) => b.item)))
        .then((results) => {
          if (results.length !== batch.length) throw new Error(`a batched statement answered ${results.length} results for ${batch.length} items`);
          batch.forEach((b, i) => b.resolve(results[i]));
        })
        .catch((e: unknown) => batch.forEach((b) => b.reject(e)))
        .finally(() => {
          this.running--;
          this.schedule();
        });
    }
  }
}
