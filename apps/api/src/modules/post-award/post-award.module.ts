import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { GrantAmount } from './grant-amount.entity';
import { PostAwardFiling } from './post-award-filing.entity';
import { PostAwardController } from './post-award.controller';
import { PostAwardRepository } from './post-award.repository';
import { PostAwardService } from './post-award.service';

/**
 * The 補助金's post-award half (docs/post-award.md): owns post_award_filing and grant_amount. The intake module's
 * portal routes file through PostAwardService; its own routes are staff's (amounts, paper filings).
 */
@Module({
  imports: [TypeOrmModule.forFeature([GrantAmount, PostAwardFiling]), ApplicationsModule],
  controllers: [PostAwardController],
  providers: [PostAwardRepository, PostAwardService],
  exports: [PostAwardService],
})
export class PostAwardModule {}
