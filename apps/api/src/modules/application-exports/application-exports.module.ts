import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../../queue';
import { ApplicationsModule } from '../applications/applications.module';
import { IntakeModule } from '../intake/intake.module';
import { ApplicationExport } from './application-export.entity';
import { ApplicationExportsController } from './application-exports.controller';
import { ApplicationExportsRepository } from './application-exports.repository';
import { ApplicationExportsService } from './application-exports.service';
import { RemoveExpiredExportsJob } from './remove-expired-exports.job';
import { RunApplicationExportJob } from './run-application-export.job';

/**
 * Exports of the 申請 list (CSV / Excel): small ones answered at once, large ones written by the worker
 * (the exports queue) into the storage attachments and imports use (IntakeModule's ATTACHMENT_STORAGE).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationExport]), ApplicationsModule, IntakeModule, QueueModule],
  controllers: [ApplicationExportsController],
  providers: [ApplicationExportsRepository, ApplicationExportsService, RunApplicationExportJob, RemoveExpiredExportsJob],
  // the worker that consumes the exports queue also provides ResumeUnfinishedExports (worker.module.ts)
  exports: [RunApplicationExportJob, RemoveExpiredExportsJob, ApplicationExportsRepository],
})
export class ApplicationExportsModule {}
