import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './api.module';
import { loadConfigOrExit } from './bootstrap';

/** The queue worker without HTTP (`npm run worker`); run several for more throughput. */
async function startWorker() {
  let started = false;
  // started by `npm start` (cli/import-worker-process.ts, with an IPC channel): the channel closes when that process is
  // gone, however it ended (a SIGKILL leaves it no time to stop its child); the worker then stops as on SIGTERM (or at
  // once while still starting) instead of living on as an orphan beside the next start's worker. The channel itself
  // keeps nothing alive.
  if (process.send) {
    process.once('disconnect', () => (started ? process.kill(process.pid, 'SIGTERM') : process.exit(0)));
    process.channel?.unref();
  }
  const config = await loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  started = true;
  app.get(Logger).log('worker started');
}

void startWorker();
