import type { RepaymentClaim, RepaymentReceived } from './repayment.entity';

export const sumReceived = (rows: RepaymentReceived[]) => rows.reduce((s, r) => s + r.amount, 0);

/** What the application page shows of the 返還 (null: no 交付決定取消). */
export function repaymentView(claim: RepaymentClaim | null, received: RepaymentReceived[]) {
  if (!claim) return null;
  const repaid = sumReceived(received);
  return {
    amount: claim.amount,
    paidAmount: claim.paidAmount,
    ground: claim.ground,
    reason: claim.reason,
    dueDate: claim.dueDate,
    revokedAt: claim.revokedAt,
    repaidTotal: repaid,
    outstanding: claim.amount - repaid,
    repaidAt: claim.repaidAt,
    received: received.map((r) => ({ id: r.id, receivedOn: r.receivedOn, amount: r.amount, note: r.note, recordedAt: r.recordedAt })),
  };
}
