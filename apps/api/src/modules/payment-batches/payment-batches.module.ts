import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { PaymentBatchLineRow, PaymentBatchRow } from './payment-batch.entity';
import { PaymentBatchesController } from './payment-batches.controller';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { PaymentBatchesService } from './payment-batches.service';

/** 支払バッチ (payment_batch, payment_batch_line): the 全銀 総合振込 of applications due to be paid (docs/payments.md). */
@Module({
  imports: [TypeOrmModule.forFeature([PaymentBatchRow, PaymentBatchLineRow]), ApplicationsModule],
  controllers: [PaymentBatchesController],
  providers: [PaymentBatchesRepository, PaymentBatchesService],
  exports: [PaymentBatchesService],
})
export class PaymentBatchesModule {}
