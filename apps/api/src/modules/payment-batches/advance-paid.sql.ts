/**
 * What was paid in advance to the application `applicationId` names (a SQL expression: a column or a parameter): the
 * 概算払 lines of its paid payment batches (docs/payments.md). One definition for the batch's 精算 and the
 * post-award amounts; the lines are this module's table.
 */
export const advancePaidSql = (applicationId: string) => paidLinesSql(applicationId, 'advance');

/**
 * What the 支払 (the 精算 after the 額の確定) transferred to the application: its `final` lines of paid payment batches,
 * the 支払額 as the batch recorded it (docs/payments.md); with the 概算払 above, all that was paid (the 返還額's basis).
 */
export const finalPaidSql = (applicationId: string) => paidLinesSql(applicationId, 'final');

const paidLinesSql = (applicationId: string, kind: 'advance' | 'final') =>
  `(SELECT coalesce(sum(l.amount), 0)::float8 FROM payment_batch_line l JOIN payment_batch p ON p.id = l.batch_id
     WHERE l.application_id = ${applicationId} AND l.kind = '${kind}' AND p.status = 'paid')`;
