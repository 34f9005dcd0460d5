import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { ApplicationMemo } from './application-memo.entity';
import { CorrespondenceRepository } from './correspondence.repository';
import { CorrespondenceService } from './correspondence.service';
import { InquiriesController } from './inquiries.controller';
import { Inquiry } from './inquiry.entity';
import { MemosController } from './memos.controller';

/** An application's internal memos (application_memo) and its 問い合わせ log (inquiry). */
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationMemo, Inquiry]), ApplicationsModule],
  controllers: [MemosController, InquiriesController],
  providers: [CorrespondenceRepository, CorrespondenceService],
  exports: [CorrespondenceService],
})
export class CorrespondenceModule {}
