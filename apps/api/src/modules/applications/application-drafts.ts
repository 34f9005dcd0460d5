import { getWorkflow, initialState } from '@jimukyoku/workflow';
import type { Category } from '../programs/category.entity';
import type { Program } from '../programs/program.entity';
import type { Round } from '../rounds/round.entity';
import { declaredFacts, quoteApplication, type ApplicantFactColumn } from './application-quote';
import type { Application } from './application.entity';
import type { NewApplication } from './applications.repository';

export type DraftInput = Omit<
  Application,
  | 'id'
  | 'status'
  | 'workflowCode'
  | 'workflowVersion'
  | 'version'
  | 'quote'
  | 'quotedAmount'
  | 'eligibility'
  | 'formalCheck'
  | 'correctionDueAt'
  | 'stamps'
  | 'createdAt'
  | 'updatedAt'
  | 'receiptNumber'
  | 'receivedAt'
  | 'receivedInGrace'
  | 'channelId'
  | 'importId'
  | 'claimedBonusItems'
  | 'preCheck'
  | 'previousRecipient'
  | 'reconsideredFromCategoryId'
  | 'requestedAmount'
  | ApplicantIdentityColumn
  | ApplicantFactColumn
> & {
  receiptNumber?: string | null;
  receivedAt?: Date | null;
  receivedInGrace?: boolean;
  channelId?: string | null;
  importId?: string | null;
  claimedBonusItems?: string[];
  /** 事業復活支援金 only: the 事前確認, or the earlier recipient's exemption from it */
  preCheck?: Application['preCheck'];
  previousRecipient?: boolean;
  /** the 申請額 the applicant asked for, when less than the rules give (application-quote.ts) */
  requestedAmount?: number | null;
} & Partial<Pick<Application, ApplicantFactColumn | ApplicantIdentityColumn>>;

/** What identifies the applicant besides its name and 法人番号 (docs/applicant-history.md); optional, null: not given. */
export type ApplicantIdentityColumn = 'invoiceNumber' | 'address' | 'birthDate';

/** What a draft is built from: its round, the round's programme (the workflow) and its category (the rules). */
export interface DraftContext {
  round: Pick<Round, 'workflowVersion'>;
  program: Pick<Program, 'workflowKind'>;
  category: Pick<Category, 'config'>;
}

/**
 * A new application in its workflow's initial state, bound to the round's workflow version (for its
 * whole life), with the quote and eligibility libs/domain computes from its category. Pure: the
 * caller writes it (ApplicationsRepository.insert).
 */
export function draftApplication(input: DraftInput, { round, program, category }: DraftContext): NewApplication {
  const definition = getWorkflow(program.workflowKind, round.workflowVersion);
  const q = quoteApplication(category.config, input);
  // columns left out (receipt, channel, import, formal check, 補正期限) take the table's defaults
  return {
    ...input,
    claimedBonusItems: input.claimedBonusItems ?? [],
    preCheck: input.preCheck ?? null,
    previousRecipient: input.previousRecipient ?? false,
    reconsideredFromCategoryId: null,
    requestedAmount: input.requestedAmount ?? null,
    invoiceNumber: input.invoiceNumber ?? null,
    address: input.address ?? null,
    birthDate: input.birthDate ?? null,
    ...declaredFacts(input),
    status: initialState(definition).code,
    workflowCode: definition.code,
    workflowVersion: definition.version,
    version: 1,
    quote: q.quote,
    quotedAmount: q.amount,
    eligibility: q.eligibility,
    stamps: {},
  } as NewApplication;
}
