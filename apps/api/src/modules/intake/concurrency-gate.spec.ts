import { ConcurrencyGate, intakeCapacity } from './concurrency-gate';

describe('ConcurrencyGate', () => {
  it('lets `capacity` holders in at once and turns the next away when no one may wait', async () => {
    const gate = new ConcurrencyGate(2, 0, 1_000);
    const a = await gate.enter();
    const b = await gate.enter();
    expect(a && b).toBeTruthy();
    expect(await gate.enter()).toBeNull();
    a!();
    expect(await gate.enter()).not.toBeNull();
  });

  it('hands a freed slot to the first waiter, and a release twice frees one slot only', async () => {
    const gate = new ConcurrencyGate(1, 5, 5_000);
    const first = (await gate.enter())!;
    const waiting = gate.enter();
    expect(gate.queued).toBe(1);
    first();
    first();
    const second = await waiting;
    expect(second).not.toBeNull();
    expect(gate.inFlight).toBe(1);
    expect(gate.queued).toBe(0);
    second!();
    expect(gate.inFlight).toBe(0);
  });

  it('turns a waiter away once its wait is over, promptly', async () => {
    const gate = new ConcurrencyGate(1, 5, 50);
    await gate.enter();
    const t0 = Date.now();
    expect(await gate.enter()).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(gate.queued).toBe(0);
  });

  it('turns a newcomer away at once when the waiting line is full', async () => {
    const gate = new ConcurrencyGate(1, 1, 300);
    await gate.enter();
    const waiter = gate.enter();
    const t0 = Date.now();
    expect(await gate.enter()).toBeNull();
    expect(Date.now() - t0).toBeLessThan(100);
    expect(await waiter).toBeNull();
  });

  it.each([
    [1, 1],
    [2, 1],
    [5, 4],
    [10, 8],
    [20, 16],
  ])('intake may hold %i pooled connections → %i at once', (pool, capacity) => expect(intakeCapacity(pool)).toBe(capacity));
});
