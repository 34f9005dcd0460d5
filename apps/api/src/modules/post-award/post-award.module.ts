import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { GrantAmount } from './grant-amount.entity';
import { PostAwardFiling } from './post-award-filing.entity';
import { PostAwardController } from './post-award.controller';
import { PostAwardRepository } from './post-award.repository';
import { PostAwardService } from './post-award.service';
import { RepaymentClaim, RepaymentReceived } from './repayment.entity';
import { RepaymentsRepository } from './repayments.repository';
import { RepaymentsService } from './repayments.service';

/**
 * The 補助金's post-award half (docs/post-award.md): owns post_award_filing, grant_amount and the 返還's
 * repayment_claim and repayment_received. The intake module's
 * portal routes file through PostAwardService; its own routes are staff's (amounts, paper filings).
 */
@Module({
  imports: [TypeOrmModule.forFeature([GrantAmount, PostAwardFiling, RepaymentClaim, RepaymentReceived]), ApplicationsModule],
  controllers: [PostAwardController],
  providers: [PostAwardRepository, PostAwardService, RepaymentsRepository, RepaymentsService],
  exports: [PostAwardService],
})
export class PostAwardModule {}
