import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { BankAccountRow } from './bank-account.entity';
import { BankAccountsController } from './bank-accounts.controller';
import { BankAccountsRepository } from './bank-accounts.repository';
import { BankAccountsService } from './bank-accounts.service';

/** The payee's bank account of each application (bank_account), validated as the 全銀 file takes it (docs/payments.md). */
@Module({
  imports: [TypeOrmModule.forFeature([BankAccountRow]), ApplicationsModule],
  controllers: [BankAccountsController],
  providers: [BankAccountsRepository, BankAccountsService],
  exports: [BankAccountsService, BankAccountsRepository],
})
export class BankAccountsModule {}
