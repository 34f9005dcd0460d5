import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { loadConfigOrExit } from './bootstrap';
import { configureApp } from './configure-app';

/** The HTTP entry point (`npm run api`); with WORKER_ENABLED (default) it also runs the worker. */
export async function startApi() {
  const config = await loadConfigOrExit('api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true });
  configureApp(app, config);
  await app.listen(config.port, '0.0.0.0');
  return { app, config };
}

if (require.main === module) {
  void startApi();
}
