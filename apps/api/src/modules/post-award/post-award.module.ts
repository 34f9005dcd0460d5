import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { CommercializationReport } from './commercialization-report.entity';
import { CommercializationReportsController } from './commercialization-reports.controller';
import { CommercializationReportsRepository } from './commercialization-reports.repository';
import { CommercializationReportsService } from './commercialization-reports.service';
import { GrantAmount } from './grant-amount.entity';
import { PostAwardFiling } from './post-award-filing.entity';
import { PostAwardController } from './post-award.controller';
import { PostAwardRepository } from './post-award.repository';
import { GrantScope } from './grant-scope.service';
import { PostAwardService } from './post-award.service';
import { PostAwardView } from './post-award-view.service';
import { RepaymentClaim, RepaymentReceived } from './repayment.entity';
import { RepaymentsRepository } from './repayments.repository';
import { RepaymentsService } from './repayments.service';

/**
 * The 補助金's post-award half (docs/post-award.md): owns post_award_filing, grant_amount and the 返還's
 * repayment_claim and repayment_received, and the schedule of the
 * yearly 事業化状況報告 (commercialization_report, reminded by the schedules module's job). The intake module's
 * portal routes file through PostAwardService; its own routes are staff's (amounts, paper filings).
 */
@Module({
  imports: [TypeOrmModule.forFeature([GrantAmount, PostAwardFiling, RepaymentClaim, RepaymentReceived, CommercializationReport]), ApplicationsModule],
  controllers: [PostAwardController, CommercializationReportsController],
  providers: [
    PostAwardRepository,
    PostAwardService,
    GrantScope,
    PostAwardView,
    RepaymentsRepository,
    RepaymentsService,
    CommercializationReportsRepository,
    CommercializationReportsService,
  ],
  exports: [PostAwardService, CommercializationReportsRepository],
})
export class PostAwardModule {}
