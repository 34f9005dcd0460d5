import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../config';
import { dataSourceOptions } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.databasePoolSize, {
          queryTimeoutMs: config.databaseQueryTimeoutMs,
          lockTimeoutMs: config.databaseLockTimeoutMs,
        }),
        autoLoadEntities: true,
        // Boot fails fast (see preflight.ts); no long retry loop of stack traces.
        retryAttempts: 1,
        retryDelay: 500,
      }),
    }),
  ],
  // Global: every feature's service may group its repositories' writes in one transaction.
  providers: [UnitOfWork],
  exports: [UnitOfWork],
})
export class DatabaseModule {}
