/**
 * The SQL form of workflowStateKey (libs/workflow): `code@version:state` of an application row, for
 * queries over several workflows that bind workflowStatesTagged(tag), where a state code means
 * something else in another definition (README "Lifecycle facts live in the workflow definitions").
 * `alias` is the application table's alias in the query.
 */
export function workflowStateSql(alias: string): string {
  return `(${alias}.workflow_code || '@' || ${alias}.workflow_version || ':' || ${alias}.status)`;
}
