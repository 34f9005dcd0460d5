import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../../queue';
import { IntakeModule } from '../intake/intake.module';
import { ApplicationImport } from './application-import.entity';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { RunImportJob } from './run-import.job';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicationImport]), IntakeModule, QueueModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunner, RunImportJob],
  exports: [RunImportJob],
})
export class ImportsModule {}
