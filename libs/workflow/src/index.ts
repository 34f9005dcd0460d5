export const WORKFLOW_PLACEHOLDER = true;
