import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { RepaymentClaim, RepaymentReceived } from './repayment.entity';

/** All SQL of repayment_claim and repayment_received (docs/post-award.md "交付決定取消 and 返還"). */
@Injectable()
export class RepaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /** The claim, locked for the transaction's change when `lock` (repayments are summed under this lock). */
  findClaim(applicationId: string, tx?: Transaction, lock = false): Promise<RepaymentClaim | null> {
    return this.m(tx).findOne(RepaymentClaim, { where: { applicationId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async insertClaim(row: Omit<RepaymentClaim, 'revokedAt' | 'claimedAt' | 'repaidAt'>, tx: Transaction): Promise<void> {
    await this.m(tx).insert(RepaymentClaim, row);
  }

  /**
   * A 交付決定取消 of a project whose 概算払's excess was claimed (docs/post-award.md "概算払"): the one claim becomes the
   * revocation's, for all that was paid; the repayments already received stay and count towards it, and it was
   * claimed (`claimedAt`) when the excess was.
   */
  async raiseClaim(row: Omit<RepaymentClaim, 'revokedAt' | 'claimedAt' | 'repaidAt'>, tx: Transaction): Promise<void> {
    const { applicationId, ...change } = row;
    await this.m(tx).update(RepaymentClaim, { applicationId }, { ...change, revokedAt: () => 'now()', repaidAt: null });
  }

  async markRepaid(applicationId: string, tx: Transaction): Promise<void> {
    await this.m(tx).update(RepaymentClaim, { applicationId }, { repaidAt: () => 'now()' });
  }

  received(applicationId: string, tx?: Transaction): Promise<RepaymentReceived[]> {
    return this.m(tx).find(RepaymentReceived, { where: { applicationId }, order: { receivedOn: 'ASC', recordedAt: 'ASC' } });
  }

  /** The repayment recorded with Idempotency-Key `key`, if any (read under the claim's lock, so a request with that key still running has committed or rolled back). */
  receivedWithKey(applicationId: string, key: string, tx: Transaction): Promise<RepaymentReceived | null> {
    return this.m(tx).findOne(RepaymentReceived, { where: { applicationId, requestKey: key } });
  }

  async insertReceived(
    row: Pick<RepaymentReceived, 'applicationId' | 'receivedOn' | 'amount' | 'note' | 'recordedBy' | 'requestKey'>,
    tx: Transaction,
  ): Promise<RepaymentReceived> {
    return this.m(tx).save(this.m(tx).create(RepaymentReceived, row));
  }

  /** Today's date in JST by the database's clock (YYYY-MM-DD). */
  async todayJst(tx: Transaction): Promise<string> {
    const [r] = await this.m(tx).query(`SELECT to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS d`);
    return r.d;
  }
}
