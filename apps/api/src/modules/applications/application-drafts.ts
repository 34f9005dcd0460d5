import { getWorkflow, initialState } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import { Category } from '../programs/category.entity';
import { Program } from '../programs/program.entity';
import { Round } from '../rounds/round.entity';
import { quoteApplication } from './application-quote';
import { Application } from './application.entity';

export type DraftInput = Omit<
  Application,
  | 'id' | 'status' | 'workflowCode' | 'workflowVersion' | 'version' | 'quote' | 'quotedAmount' | 'eligibility' | 'formalCheck' | 'correctionDueAt' | 'stamps'
  | 'createdAt' | 'updatedAt' | 'receiptNumber' | 'receivedAt' | 'receivedInGrace' | 'channelId' | 'importId' | 'claimedBonusItems'
  | 'preCheck' | 'previousRecipient'
> & {
  receiptNumber?: string | null; receivedAt?: Date | null; receivedInGrace?: boolean; channelId?: string | null; importId?: string | null; claimedBonusItems?: string[];
  /** 事業復活支援金 only: the 事前確認, or the earlier recipient's exemption from it */
  preCheck?: Application['preCheck']; previousRecipient?: boolean;
};

/**
 * A new application in its workflow's initial state, bound to the round's workflow version (for its
 * whole life), with the quote and eligibility libs/domain computes from its category.
 */
export async function createDraft(m: EntityManager, input: DraftInput): Promise<Application> {
  const round = await m.findOneByOrFail(Round, { id: input.roundId });
  const program = await m.findOneByOrFail(Program, { id: round.programId });
  const category = await m.findOneByOrFail(Category, { id: input.categoryId });
  const definition = getWorkflow(program.workflowKind, round.workflowVersion);
  const q = quoteApplication(category.config, input);
  return m.save(
    m.create(Application, {
      ...input,
      claimedBonusItems: input.claimedBonusItems ?? [],
      preCheck: input.preCheck ?? null,
      previousRecipient: input.previousRecipient ?? false,
      status: initialState(definition).code,
      workflowCode: definition.code,
      workflowVersion: definition.version,
      version: 1,
      quote: q.quote,
      quotedAmount: q.amount,
      eligibility: q.eligibility,
      stamps: {},
    }),
  );
}
