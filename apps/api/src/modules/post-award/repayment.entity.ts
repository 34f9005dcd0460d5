import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** bigint yen columns come back from pg as strings; amounts stay far below 2^53. */
const yen = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** Why a grant was revoked, as far as it changes the 返還額 rule (docs/post-award.md "交付決定取消 and 返還"). */
export const REVOCATION_GROUNDS = ['general', 'wageTargetMissed'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];
/**
 * Why a 返還 is claimed: a revocation's ground, or the 概算払 having paid more than the 確定額 (補助金適正化法 第18条第2項,
 * docs/post-award.md "概算払"), claimed by the 額の確定 without a revocation.
 */
export const ADVANCE_EXCESS = 'advanceAboveFixedAmount';
export type ClaimGround = RevocationGround | typeof ADVANCE_EXCESS;

/**
 * The 返還 of a revoked grant (docs/post-award.md "交付決定取消 and 返還"), or of a 概算払's excess over the 確定額: the
 * 返還額 from the rules (what was paid, or the excess), its 納期限 (a JST date; none when nothing is to be repaid), and
 * when it was repaid in full. One per application: a revocation after an excess claim raises that row
 * (`revokedBy`/`revokedAt` are then the revocation's; for an excess claim, the 額の確定's).
 */
@Entity('repayment_claim')
export class RepaymentClaim {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  /** 返還額 */
  @Column({ type: 'bigint', transformer: yen }) amount!: number;
  /** what had been paid when the grant was revoked (the basis of the 返還額) */
  @Column({ name: 'paid_amount', type: 'bigint', transformer: yen }) paidAmount!: number;
  @Column({ type: 'text' }) ground!: ClaimGround;
  @Column({ type: 'text' }) reason!: string;
  /** 納期限, YYYY-MM-DD in JST */
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ name: 'revoked_by', type: 'uuid' }) revokedBy!: string;
  @Column({ name: 'revoked_at', type: 'timestamptz' }) revokedAt!: Date;
  /** when the 返還 was first claimed (the 額の確定 of an excess, or the revocation): repayments are received from then */
  @Column({ name: 'claimed_at', type: 'timestamptz' }) claimedAt!: Date;
  @Column({ name: 'repaid_at', type: 'timestamptz', nullable: true }) repaidAt!: Date | null;
}

/** One repayment received towards a 返還 (partial allowed). */
@Entity('repayment_received')
export class RepaymentReceived {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  /** 入金日, YYYY-MM-DD in JST */
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Column({ type: 'bigint', transformer: yen }) amount!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  /** the Idempotency-Key it was recorded with (unique per application), so a request sent again records nothing more */
  @Column({ name: 'request_key', type: 'text', nullable: true }) requestKey!: string | null;
}
