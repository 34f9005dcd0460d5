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
    const batcher = new StatementBatcher(s.run, 100, 1);
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
    const batcher = new StatementBatcher(s.run, 2, 5);
    const answers = Promise.all([1, 2, 3, 4, 5].map((x) => batcher.submit(x)));
    await turn();
    s.releaseAll();
    await answers;
    expect(s.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails every call of a failed statement, and the next statement runs', async () => {
    let fail = true;
    const batcher = new StatementBatcher(async (items: number[]) => {
      if (fail) throw new Error('connection lost');
      return items;
    });
    const failed = [batcher.submit(1), batcher.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost']);
    fail = false;
    expect(await batcher.submit(3)).toBe(3);
  });

  it('fails the calls when the statement answers a result count other than the items', async () => {
    const batcher = new StatementBatcher(async (items: number[]) => items.slice(1));
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow('answered 1 results for 2 items');
  });
});
