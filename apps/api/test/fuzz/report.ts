import type { FuzzRequest } from './types';

/** The route a request was generated for (its path with the parameters' names back). */
export const routeOf = (r: FuzzRequest) => r.route ?? r.path;

/** One request in a line short enough for a failure message, with the seed that replays it. */
export function describeRequest(seed: number, r: FuzzRequest): string {
  const body = r.form
    ? ` form=${JSON.stringify({ ...r.form.fields, file: r.form.file && { ...r.form.file, bytes: r.form.file.bytes.length } }).slice(0, 300)}`
    : r.body === undefined
      ? ''
      : ` body=${JSON.stringify(r.body)?.slice(0, 300)}`;
  const query = Object.keys(r.query).length ? `?${new URLSearchParams(r.query).toString().slice(0, 200)}` : '';
  return `[seed ${seed}] ${r.who} ${r.method} ${r.path.slice(0, 120)}${query}${body}`;
}

/** What the run counted, the failures it found, and the statuses per route (FUZZ_DEBUG=1 prints them). */
export class FuzzTally {
  readonly totals = {
    requests: 0,
    routes: 0,
    s5xx: 0,
    badShape: 0,
    undeclared: 0,
    s2xx: 0,
    s4xx: 0,
    refusedBatches: 0,
    verifiedBatches: 0,
    skippedBatches: 0,
    storedOnRefusal: 0,
  };
  readonly failures: string[] = [];
  /** statuses per route, to see how deep the requests reach */
  private readonly byRoute = new Map<string, Map<number, number>>();

  /** Counts one answered request under its route. */
  answered(r: FuzzRequest, status: number): void {
    this.totals.requests++;
    const route = `${r.method} ${routeOf(r)}`;
    const counts = this.byRoute.get(route) ?? new Map<number, number>();
    this.byRoute.set(route, counts.set(status, (counts.get(status) ?? 0) + 1));
  }

  /** The totals line printed at the end of the run, with the seeds and how to replay the random one. */
  summary(fixedSeed: number, runSeed: number): string {
    const t = this.totals;
    return (
      `[fuzz] requests=${t.requests} routes=${t.routes} 5xx=${t.s5xx} badShape=${t.badShape} undeclared=${t.undeclared} 2xx=${t.s2xx} 4xx=${t.s4xx} ` +
      `refusedBatches=${t.verifiedBatches}/${t.refusedBatches} verified (${t.skippedBatches} had a success) storedOnRefusal=${t.storedOnRefusal} ` +
      `seeds=${fixedSeed},${runSeed} (replay: FUZZ_SEED=${runSeed})`
    );
  }

  /** Prints the statuses per route when FUZZ_DEBUG is set. */
  printRoutes(): void {
    if (process.env.FUZZ_DEBUG) for (const [route, counts] of this.byRoute) console.log(route, JSON.stringify(Object.fromEntries(counts)));
  }
}
