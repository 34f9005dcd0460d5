import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { RoundsModule } from '../rounds/rounds.module';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';

@Module({ imports: [ProgramsModule, RoundsModule], controllers: [QuotesController], providers: [QuotesService] })
export class QuotesModule {}
