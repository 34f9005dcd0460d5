import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './api.module';
import { loadConfigOrExit } from './bootstrap';

/** The queue worker without HTTP (`npm run worker`); run several for more throughput. */
async function startWorker() {
  const config = await loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

void startWorker();
