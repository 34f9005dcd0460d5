/**
 * The open payment batch (neither paid nor cancelled) that carries the application `applicationId` names (a SQL
 * expression: a column or a parameter), or NULL: at most one (the one-open-batch index on the lines, docs/payments.md).
 * One definition for the batch's candidates and for the state changes it holds back (TransitionsService); the
 * lines are this module's table.
 */
export const openBatchIdSql = (applicationId: string) => `(SELECT l.batch_id FROM payment_batch_line l WHERE l.application_id = ${applicationId} AND l.open)`;
