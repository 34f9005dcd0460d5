import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgramsModule } from '../programs/programs.module';
import { RoundCategory } from './round-category.entity';
import { Round } from './round.entity';
import { RoundsController } from './rounds.controller';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

@Module({
  imports: [TypeOrmModule.forFeature([Round, RoundCategory]), ProgramsModule],
  controllers: [RoundsController],
  providers: [RoundsService, RoundsRepository],
  exports: [RoundsService, RoundsRepository],
})
export class RoundsModule {}
