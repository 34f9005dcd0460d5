import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer, Server, Socket } from 'node:net';
import { waitFor } from './smtp-sink';

/**
 * What every fault suite counts and prints on its last line:
 *   requests    HTTP requests the suite's clients sent (retries included)
 *   faults      faults injected (backends terminated, Redis stopped, API killed)
 *   5xx         answers 500–599 other than 503 (503 with Retry-After is the allowed answer to a fault)
 *   lost        acknowledged work (a 2xx for an Idempotency-Key) missing from the database afterwards
 *   duplicated  work stored more than once (two applications for one key, a 受付番号 twice, two 受付 mails)
 * A suite asserts 5xx = 0, lost = 0 and duplicated = 0.
 */
export class FaultTotals {
  requests = 0;
  faults = 0;
  serverErrors = 0;
  lost = 0;
  duplicated = 0;
  /** the first few 5xx answers, to say what went wrong when the assertion fails */
  readonly samples: string[] = [];

  constructor(readonly suite: string) {}

  /** counts one answer (status 0: no answer, the connection failed) */
  answer(status: number, what: string, body?: unknown) {
    this.requests++;
    if (isServerError(status)) {
      this.serverErrors++;
      if (this.samples.length < 5) this.samples.push(`${what} → ${status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }

  line() {
    return `[faults:${this.suite}] requests=${this.requests} faults=${this.faults} 5xx=${this.serverErrors} lost=${this.lost} duplicated=${this.duplicated}`;
  }

  print() {
    console.log(this.line());
  }
}

/** A 5xx in the totals: 500–599 except 503 (the answer a fault is allowed, with Retry-After). */
export const isServerError = (status: number) => status >= 500 && status <= 599 && status !== 503;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

export const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** A private redis-server the test starts and stops (nothing kept on disk). */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitFor(() => portOpen(port), 10_000);
  return child;
}

export async function stopProcess(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGKILL') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** Runs `worker` over `items` with at most `limit` at a time. */
export async function inPool<T>(items: T[], limit: number, worker: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await worker(items[i], i);
      }
    }),
  );
}

/**
 * A TCP proxy between the app and PostgreSQL that the test can cut (every connection dropped, new ones
 * refused, as in a network partition or a stopped server) and restore on the same port.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  const port = await freePort();
  let server: Server | null = null;
  let frozen = false;
  let closedWhileFrozen = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve(); // already serving
      server = createServer((client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => client.destroy());
        // frozen: the connection is taken and nothing ever comes back (a hung server, packets dropped)
        if (frozen) return;
        const upstream = connect(target.port, target.host);
        const pair: [Socket, Socket] = [client, upstream];
        pairs.add(pair);
        sockets.add(upstream);
        upstream.on('close', () => (sockets.delete(upstream), pairs.delete(pair)));
        for (const s of pair) s.on('error', () => (client.destroy(), upstream.destroy()));
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen();
  return {
    port,
    /** drops every connection and refuses new ones */
    async cut() {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
      for (const s of sockets) s.destroy();
      await closed;
    },
    /** of the connections open when the proxy froze, how many their client has closed since */
    closedWhileFrozen: () => closedWhileFrozen,
    /** keeps every connection open and accepts new ones, but nothing passes either way any more */
    freeze() {
      frozen = true;
      for (const [client, upstream] of pairs) {
        client.once('close', () => frozen && closedWhileFrozen++);
        client.unpipe(upstream);
        upstream.unpipe(client);
        // read and dropped: nothing passes, and a side that closes its end is still seen to
        for (const s of [client, upstream]) s.on('data', () => undefined).resume();
      }
    },
    /** back to forwarding: the frozen connections are dropped (their state is lost), new ones pass */
    async restore() {
      if (frozen) {
        frozen = false;
        for (const s of sockets) s.destroy();
      }
      await listen();
    },
    close() {
      return this.cut();
    },
  };
}
