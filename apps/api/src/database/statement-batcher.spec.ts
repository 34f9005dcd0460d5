import { StatementBatcher } from './statement-batcher';

/** A statement that records each batch it is given and answers after `release()` is called. */
function recordingStatement(answer: (item: number) => number = (x) => x * 10) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => pending.push(() => resolve(items.map(answer))));
  };
  const releaseAll = () => pending.splice(0).forEach((release) => release());
  return { run, batches, releaseAll };
}

/** lets the batcher's scheduled flushes run (each waits for a turn of the event loop) */
const turn = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

describe('StatementBatcher', () => {
  it('runs calls made in the same turn as one statement, each answered its own result', async () => {
    const s = recordingStatement();
    const batcher = new StatementBatcher(s.run);
    const answers = Promise.all([1, 2, 3].map((x) => batcher.submit(x)));
    await turn();
    s.releaseAll();
    expect(await answers).toEqual([10, 20, 30]);
    expect(s.batches).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while a statement runs into the next one, never more than maxInFlight at once', async () => {
    const s = recordingStatement();
    const batcher = new StatementBatcher(s.run, { maxInFlight: 1 });
    const first = batcher.submit(1);
    await turn();
    const later = [batcher.submit(2), batcher.submit(3)];
    await turn();
    expect(s.batches).toEqual([[1]]); // 2 and 3 wait for the statement in flight
    s.releaseAll();
    expect(await first).toBe(10);
    await turn();
    expect(s.batches).toEqual([[1], [2, 3]]);
    s.releaseAll();
    expect(await Promise.all(later)).toEqual([20, 30]);
  });

  it('splits at maxBatch', async () => {
    const s = recordingStatement();
    const batcher = new StatementBatcher(s.run, { maxBatch: 2, maxInFlight: 5 });
    const answers = Promise.all([1, 2, 3, 4, 5].map((x) => batcher.submit(x)));
    await turn();
    s.releaseAll();
    await answers;
    expect(s.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('runs the items of a failed statement again alone, so only the item that fails alone fails', async () => {
    const statements: number[][] = [];
    const batcher = new StatementBatcher(async (items: number[]) => {
      statements.push(items);
      if (items.includes(2)) throw new Error(`value ${2} refused`);
      return items.map((x) => x * 10);
    });
    const answers = [1, 2, 3].map((x) => batcher.submit(x).catch((e: Error) => e.message));
    expect(await Promise.all(answers)).toEqual([10, 'value 2 refused', 30]);
    expect(statements).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it("fails every call of a statement whose failure retryAlone calls everyone's, and the next statement runs", async () => {
    let fail = true;
    const statements: number[][] = [];
    const batcher = new StatementBatcher(
      async (items: number[]) => {
        statements.push(items);
        if (fail) throw new Error('connection lost');
        return items;
      },
      { retryAlone: (e) => !(e instanceof Error && e.message === 'connection lost') },
    );
    const failed = [batcher.submit(1), batcher.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost']);
    expect(statements).toEqual([[1, 2]]); // not once more per item
    fail = false;
    expect(await batcher.submit(3)).toBe(3);
  });

  it('holds its place in flight while the items run alone: what arrives meanwhile waits for the next statement', async () => {
    const statements: number[][] = [];
    const batcher = new StatementBatcher(
      async (items: number[]) => {
        statements.push(items);
        await new Promise((r) => setImmediate(r));
        if (items.length > 1) throw new Error('deadlock detected');
        return items;
      },
      { maxInFlight: 1 },
    );
    const first = Promise.all([batcher.submit(1), batcher.submit(2)]);
    await new Promise((r) => setImmediate(r));
    const later = batcher.submit(3);
    expect(await first).toEqual([1, 2]);
    expect(await later).toBe(3);
    expect(statements).toEqual([[1, 2], [1], [2], [3]]);
  });

  it('fails the calls when the statement answers a result count other than the items', async () => {
    const batcher = new StatementBatcher(async (items: number[]) => items.slice(1), { retryAlone: () => false });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow('answered 1 results for 2 items');
  });
});
