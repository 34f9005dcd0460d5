/**
 * What was paid in advance to the application `applicationId` names (a SQL expression: a column or a parameter): the
 * 概算払 lines of its paid payment batches (docs/payments.md). One definition for the batch's 精算 and the
 * post-award amounts; the lines are this module's table.
 */
export const advancePaidSql = (applicationId: string) =>
  `(SELECT coalesce(sum(l.amount), 0)::float8 FROM payment_batch_line l JOIN payment_batch p ON p.id = l.batch_id
     WHERE l.application_id = ${applicationId} AND l.kind = 'advance' AND p.status = 'paid')`;
