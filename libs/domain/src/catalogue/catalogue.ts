/** REFERENCE_CATALOGUE: every programme, rule set, category and round of programs.md, plus lookups. */
import type { CategoryConfig } from '../category';
import type { Program, ReferenceCatalogue, Round, RuleSet } from './catalogue.types';
import { IT_INTRODUCTION_PROGRAM, IT_INTRODUCTION_R1, IT_INTRODUCTION_R3 } from './it-introduction';
import {
  BUSINESS_SUCCESSION_PROGRAM,
  BUSINESS_SUCCESSION_R3,
  COCREATION_PROGRAM,
  COCREATION_R4,
  RECOVERY_BENEFIT_PROGRAM,
  RECOVERY_BENEFIT_R3,
} from './other-programs';
import {
  REGIONAL_COEXISTENCE_PROGRAM,
  REGIONAL_COEXISTENCE_R4,
  REGIONAL_DIGITAL_INNOVATION_PROGRAM,
  REGIONAL_DIGITAL_INNOVATION_R4,
  REGIONAL_DIGITAL_TALENT_PROGRAM,
  REGIONAL_DIGITAL_TALENT_R3,
  REGIONAL_DX_PROGRAM,
  REGIONAL_DX_R4,
} from './regional';
import { RESTRUCTURING_PROGRAM, RESTRUCTURING_R2, RESTRUCTURING_R2_ROUND5, RESTRUCTURING_R3 } from './restructuring';
import { ROUNDS } from './rounds';
import { MONOZUKURI_PROGRAM, MONOZUKURI_R3, SUSTAINABILITY_PROGRAM, SUSTAINABILITY_R2, SUSTAINABILITY_R3 } from './sme-programs';

export const REFERENCE_CATALOGUE: ReferenceCatalogue = {
  programs: [
    RECOVERY_BENEFIT_PROGRAM,
    RESTRUCTURING_PROGRAM,
    REGIONAL_DX_PROGRAM,
    REGIONAL_DIGITAL_INNOVATION_PROGRAM,
    REGIONAL_DIGITAL_TALENT_PROGRAM,
    REGIONAL_COEXISTENCE_PROGRAM,
    MONOZUKURI_PROGRAM,
    SUSTAINABILITY_PROGRAM,
    IT_INTRODUCTION_PROGRAM,
    BUSINESS_SUCCESSION_PROGRAM,
    COCREATION_PROGRAM,
  ],
  ruleSets: [
    RECOVERY_BENEFIT_R3,
    RESTRUCTURING_R2,
    RESTRUCTURING_R2_ROUND5,
    RESTRUCTURING_R3,
    REGIONAL_DX_R4,
    REGIONAL_DIGITAL_INNOVATION_R4,
    REGIONAL_DIGITAL_TALENT_R3,
    REGIONAL_COEXISTENCE_R4,
    MONOZUKURI_R3,
    SUSTAINABILITY_R2,
    SUSTAINABILITY_R3,
    IT_INTRODUCTION_R3,
    IT_INTRODUCTION_R1,
    BUSINESS_SUCCESSION_R3,
    COCREATION_R4,
  ],
  rounds: ROUNDS,
};

export const findProgram = (code: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): Program | undefined =>
  catalogue.programs.find((p) => p.code === code);

export const ruleSetVersion = (ruleSet: RuleSet): number => ruleSet.version ?? 1;

/** A rule set by its code: the given version, or without one the latest (the rules a new round would run on). */
export const findRuleSet = (code: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE, version?: number): RuleSet | undefined =>
  catalogue.ruleSets
    .filter((r) => r.code === code && (version === undefined || ruleSetVersion(r) === version))
    .reduce<RuleSet | undefined>((latest, r) => (latest === undefined || ruleSetVersion(r) > ruleSetVersion(latest) ? r : latest), undefined);

/** The rule set a round runs on (its code and version). */
export const ruleSetOfRound = (round: Round, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): RuleSet | undefined =>
  findRuleSet(round.ruleSetCode, catalogue, round.ruleSetVersion ?? 1);

export const findRound = (code: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): Round | undefined =>
  catalogue.rounds.find((r) => r.code === code);

export const ruleSetsOfProgram = (programCode: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): readonly RuleSet[] =>
  catalogue.ruleSets.filter((r) => r.programCode === programCode);

/** A category is identified by its rule set and its code (the same 類型 code recurs across editions). */
export const findCategory = (ruleSetCode: string, categoryCode: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): CategoryConfig | undefined =>
  findRuleSet(ruleSetCode, catalogue)?.categories.find((c) => c.code === categoryCode);

/** The categories a round offers: those of its rule set, narrowed by `categoryCodes` when given. */
export const categoriesOfRound = (roundCode: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): readonly CategoryConfig[] => {
  const round = findRound(roundCode, catalogue);
  const ruleSet = round && ruleSetOfRound(round, catalogue);
  if (!round || !ruleSet) return [];
  return round.categoryCodes ? ruleSet.categories.filter((c) => round.categoryCodes!.includes(c.code)) : ruleSet.categories;
};

/** The category of an application: round → rule set → category. */
export const findRoundCategory = (roundCode: string, categoryCode: string, catalogue: ReferenceCatalogue = REFERENCE_CATALOGUE): CategoryConfig | undefined =>
  categoriesOfRound(roundCode, catalogue).find((c) => c.code === categoryCode);
