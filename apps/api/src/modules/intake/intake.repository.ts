import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import { managerOf, type Transaction } from '../../database';
import { columnsOf, hydrate, prepared } from '../../database/entity-rows';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { Attachment } from './attachment.entity';
import { formatReceiptNumber } from './receipt-number';

/** What the first request under an Idempotency-Key stored as its answer. */
export interface StoredAnswer {
  requestHash: string;
  status: number;
  body: Record<string, unknown>;
}

/** The attachment columns an upload records (the rest the database fills). */
export type NewAttachment = Pick<Attachment, 'channelId' | 'kind' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'storageKey'>;

/**
 * The SQL of intake: uploaded attachments and their linking, the 受付番号 sequences, and the stored
 * answers under an Idempotency-Key. (Applications are written by ApplicationsRepository, the round's
 * context is read by RoundsRepository.context.)
 */
@Injectable()
export class IntakeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction): EntityManager {
    return managerOf(tx, this.dataSource);
  }

  /**
   * The next 受付番号 of a round without the clocks (the demo seeds number their applications so).
   */
  async nextReceiptNumber(roundId: string, prefix: string, tx?: Transaction): Promise<string> {
    const [row] = await this.m(tx).query(`SELECT nextval(round_receipt_sequence_name($1)) AS n`, [roundId]);
    return formatReceiptNumber(prefix, Number(row.n));
  }

  /** Records an uploaded attachment (its file is already in storage). */
  insertAttachment(fields: NewAttachment): Promise<Attachment> {
    return this.dataSource.getRepository(Attachment).save(fields);
  }

  /**
   * Attachments among `ids` this channel uploaded and that belong to no application yet, locked for the link
   * that follows: the orphan clean-up (deleteOrphanAttachments) skips an attachment being linked, and a second
   * request naming the same attachment waits, then finds it linked (missing, 422). FOR SHARE let both hold
   * it and each then wait for the other to link it (a deadlock, answered 500); in id order, so two requests
   * naming the same attachments in another order do not take them crosswise.
   */
  async unlinkedAttachments(ids: string[], channelId: string, tx: Transaction): Promise<Attachment[]> {
    const m = this.m(tx);
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows = await prepared(
      m,
      `SELECT ${columnsOf(m, Attachment)} FROM attachment WHERE id = ANY($1::uuid[]) AND channel_id = $2 AND application_id IS NULL ORDER BY id FOR NO KEY UPDATE`,
      [uuids, channelId],
    );
    return rows.map((row) => hydrate(m, Attachment, row));
  }

  /** The attachments already linked to an application. */
  attachmentsOf(applicationId: string, tx: Transaction): Promise<Attachment[]> {
    return this.m(tx).findBy(Attachment, { applicationId });
  }

  async linkAttachments(ids: string[], applicationId: string, tx: Transaction): Promise<void> {
    await prepared(this.m(tx), `UPDATE attachment SET application_id = $1 WHERE id = ANY($2::uuid[])`, [applicationId, ids]);
  }

  /** linkAttachments as the part `name` of a chain, to the application its part `application` writes (none when it writes none). */
  linkAttachmentsIn(chain: WriteChain, name: string, ids: string[], application: ChainPart): ChainPart {
    return chain.add(
      name,
      `UPDATE attachment SET application_id = ${application.name}.id FROM ${application.name} WHERE attachment.id = ANY(${chain.param(ids)}::uuid[]) RETURNING attachment.id`,
    );
  }

  /**
   * Deletes (claimed FOR UPDATE SKIP LOCKED) up to `limit` attachments uploaded more than `hours` ago and
   * never linked to an application; returns their ids and storage keys so the files can go too. Intake
   * locks the attachments it links (unlinkedAttachments), so one being linked is skipped, and one deleted here is
   * "not found" for intake. (The scheduled RemoveOrphanAttachmentsJob runs it.)
   */
  async deleteOrphanAttachments(hours: number, limit: number, tx: Transaction): Promise<{ id: string; storageKey: string }[]> {
    const [rows] = await this.m(tx).query(
      `WITH orphan AS (
         SELECT id FROM attachment
          WHERE application_id IS NULL AND created_at < now() - make_interval(hours => $1)
          ORDER BY created_at LIMIT $2
          FOR UPDATE SKIP LOCKED)
       DELETE FROM attachment a USING orphan WHERE a.id = orphan.id
       RETURNING a.id, a.storage_key AS "storageKey"`,
      [hours, limit],
    );
    return rows;
  }

  /**
   * Claims (channel, key) for a request: true if this request is the first, false if another claimed
   * it before (a concurrent one waits on the claim until that one commits or rolls back).
   */
  async claimKey(channelId: string, key: string, requestHash: string, tx: Transaction): Promise<boolean> {
    const claimed = await prepared(
      this.m(tx),
      `INSERT INTO idempotency_record (channel_id, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, 0, '{}'::jsonb) ON CONFLICT (channel_id, key) DO NOTHING RETURNING key`,
      [channelId, key, requestHash],
    );
    return claimed.length > 0;
  }

  async storedAnswer(channelId: string, key: string, tx: Transaction): Promise<StoredAnswer> {
    const [first] = await this.m(tx).query(`SELECT request_hash, response_status, response_body FROM idempotency_record WHERE channel_id = $1 AND key = $2`, [
      channelId,
      key,
    ]);
    return { requestHash: first.request_hash, status: first.response_status, body: first.response_body };
  }

  /** storeAnswer as the part `name` of a chain, written only if the part `after` writes. */
  storeAnswerIn(
    chain: WriteChain,
    name: string,
    channelId: string,
    key: string,
    answer: { status: number; body: Record<string, unknown> },
    after: ChainPart,
  ): ChainPart {
    return chain.add(
      name,
      `UPDATE idempotency_record SET response_status = ${chain.param(answer.status)}::int, response_body = ${chain.param(JSON.stringify(answer.body))}::jsonb
         WHERE channel_id = ${chain.param(channelId)}::uuid AND key = ${chain.param(key)}::text AND EXISTS (SELECT 1 FROM ${after.name}) RETURNING key`,
    );
  }

  async storeAnswer(channelId: string, key: string, status: number, body: Record<string, unknown>, tx: Transaction): Promise<void> {
    await prepared(this.m(tx), `UPDATE idempotency_record SET response_status = $3, response_body = $4 WHERE channel_id = $1 AND key = $2`, [
      channelId,
      key,
      status,
      JSON.stringify(body),
    ]);
  }
}
