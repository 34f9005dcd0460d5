import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';

@Module({ imports: [ProgramsModule], controllers: [QuotesController], providers: [QuotesService] })
export class QuotesModule {}
