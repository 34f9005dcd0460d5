import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** a worker that keeps dying is restarted at most this often */
const RESTART_DELAY_MS = 2_000;

/**
 * `npm start`'s worker process for the imports queue (WORKER_QUEUES=imports): bulk imports parse
 * uploaded files, and that never happens in the API's HTTP process. The API process runs every other
 * queue itself. A worker that exits is started again (its import goes on where it stopped); it is
 * stopped with the API, and stops by itself when this process is killed outright (its IPC channel closes).
 */
export function superviseImportWorker(log: (line: string) => void = console.log): () => void {
  let child: ChildProcess | null = null;
  let stopping = false;
  const start = () => {
    // an IPC channel only so that the worker sees this process go (worker.ts): nothing is sent over it
    child = spawn(process.execPath, [join(__dirname, '..', 'worker.js')], {
      env: { ...process.env, WORKER_QUEUES: 'imports' },
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      log(`[start] the import worker stopped (${signal ?? `exit ${code}`}); starting it again`);
      setTimeout(start, RESTART_DELAY_MS).unref();
    });
  };
  const stop = () => {
    stopping = true;
    child?.kill('SIGTERM');
  };
  start();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      // the default (exit) unless the API's own shutdown hooks handle the signal
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  process.once('exit', stop);
  return stop;
}
