import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.databasePoolSize),
        autoLoadEntities: true,
        // Boot fails fast (see preflight.ts); no long retry loop of stack traces.
        retryAttempts: 1,
        retryDelay: 500,
      }),
    }),
  ],
})
export class DatabaseModule {}
