import { findState, getWorkflow } from '@jimukyoku/workflow';

/**
 * An application's state as a person reads it: its label in the workflow definition the application runs on
 * (「申請済（受付）」), or the code itself for a state or version no definition knows. Lists, exports and the
 * application page all say it this way.
 */
export function stateLabel(app: { workflowCode: string; workflowVersion: number; status: string }): string {
  try {
    return findState(getWorkflow(app.workflowCode, app.workflowVersion), app.status)?.label ?? app.status;
  } catch {
    return app.status;
  }
}
