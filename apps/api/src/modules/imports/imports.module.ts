import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config';
import { QueueModule } from '../../queue';
import { LocalDiskStorage } from '../intake/attachment-storage';
import { IntakeModule } from '../intake/intake.module';
import { ApplicationImport } from './application-import.entity';
import { ImportRunner } from './import-runner';
import { ImportStorageEngine } from './import-upload';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { RunImportJob } from './run-import.job';

@Module({
  imports: [
    TypeOrmModule.forFeature([ApplicationImport]),
    IntakeModule,
    QueueModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // streamed to storage, never held in memory; refused (and removed) past IMPORT_MAX_BYTES
        storage: new ImportStorageEngine(new LocalDiskStorage(config.storageDir), config.importMaxBytes),
        // multer's own cut-off lies a little further, so the engine's refusal (with its message) comes first
        limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: config.importMaxBytes + 256 * 1024 },
        // file names are UTF-8 (申請一覧.csv), not busboy's latin1 default
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository, ImportRunner, RunImportJob],
  // the worker that consumes the imports queue also provides ResumeUnfinishedImports (worker.module.ts)
  exports: [RunImportJob, ImportsRepository],
})
export class ImportsModule {}
