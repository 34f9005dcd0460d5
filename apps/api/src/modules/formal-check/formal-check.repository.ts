import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { Attachment } from '../intake/attachment.entity';

/**
 * The reads a 要件確認 needs. The module owns no table: the answers are stored on the application
 * (through ApplicationsRepository), the checker's assignment is closed through AssignmentsRepository.
 */
@Injectable()
export class FormalCheckRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the application's row for this transaction (no write: the lock orders concurrent checks); as scoring's. */
  async lockApplication(id: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(`SELECT 1 FROM application WHERE id = $1 FOR NO KEY UPDATE`, [id]);
  }

  async attachmentKinds(applicationId: string, tx?: Transaction): Promise<string[]> {
    const rows = await managerOf(tx, this.dataSource).find(Attachment, { where: { applicationId }, select: { kind: true } });
    return rows.map((a) => a.kind);
  }
}
