import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesController } from './categories.controller';
import { Category } from './category.entity';
import { Program } from './program.entity';
import { ProgramsController } from './programs.controller';
import { RuleSet } from './rule-set.entity';
import { RuleSetsController } from './rule-sets.controller';
import { RulesRepository } from './rules.repository';
import { RulesService } from './rules.service';

/** Programmes, their versioned rule sets and categories (the rules model). */
@Module({
  imports: [TypeOrmModule.forFeature([Program, RuleSet, Category])],
  controllers: [ProgramsController, RuleSetsController, CategoriesController],
  providers: [RulesService, RulesRepository],
  exports: [RulesService, RulesRepository],
})
export class ProgramsModule {}
