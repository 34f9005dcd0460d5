/** 種別 of a programme (and of its categories): 補助金, 給付金, 委託. */
export const PROGRAM_KINDS = ['subsidy', 'benefit', 'contract'] as const;
export const programKindChoices = PROGRAM_KINDS.map((kind) => ({ id: kind, name: `app.rules.program_kinds.${kind}` }));

/** The workflow a programme's applications follow (libs/workflow definitions). */
export const WORKFLOW_KINDS = ['subsidy', 'benefit', 'itSubsidy'] as const;
export const workflowKindChoices = WORKFLOW_KINDS.map((kind) => ({ id: kind, name: `app.rules.workflow_kinds.${kind}` }));

export interface ProgramRecord {
  id: string;
  code: string;
  name: string;
  kind: (typeof PROGRAM_KINDS)[number];
  workflowKind: (typeof WORKFLOW_KINDS)[number];
  assumption: string | null;
  createdAt: string;
  updatedAt: string;
}
