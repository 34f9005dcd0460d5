import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application list at a million rows (bench/README.md "lists"): one index per sortable column
 * that reads in the list's order — the column, then `id` in the same direction, the tie-break
 * ApplicationsRepository.list orders by — so a page (and a deep page's id scan, index-only) walks the
 * index instead of sorting the table. receipt_number and received_at hold NULLs (drafts) that sort
 * last both ways, so each has an index per direction; the NOT NULL columns' one index serves both
 * directions (read backwards). Beside them: the round and the status in the admin's default order
 * (受付日時 newest first), whose rows cluster in time, and the filters that had no index (類型, 規模).
 * The single-column status, prefecture and updated_at indexes are superseded.
 *
 * On a million applications the build takes about a minute and holds writes to `application`
 * meanwhile (plain CREATE INDEX, in the migration's transaction); run it outside 受付 hours.
 */
export class ApplicationListIndexes1764500000000 implements MigrationInterface {
  name = 'ApplicationListIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_list_updated_idx ON application (updated_at, id)`);
    await q.query(`CREATE INDEX application_list_created_idx ON application (created_at, id)`);
    await q.query(`CREATE INDEX application_list_received_asc_idx ON application (received_at ASC NULLS LAST, id)`);
    await q.query(`CREATE INDEX application_list_received_desc_idx ON application (received_at DESC NULLS LAST, id DESC)`);
    await q.query(`CREATE INDEX application_list_receipt_asc_idx ON application (receipt_number ASC NULLS LAST, id)`);
    await q.query(`CREATE INDEX application_list_receipt_desc_idx ON application (receipt_number DESC NULLS LAST, id DESC)`);
    await q.query(`CREATE INDEX application_list_name_idx ON application (applicant_name, id)`);
    await q.query(`CREATE INDEX application_list_status_idx ON application (status, id)`);
    await q.query(`CREATE INDEX application_list_prefecture_idx ON application (prefecture, id)`);
    await q.query(`CREATE INDEX application_list_amount_idx ON application (quoted_amount, id)`);
    await q.query(`CREATE INDEX application_list_round_received_idx ON application (round_id, received_at DESC NULLS LAST, id DESC)`);
    await q.query(`CREATE INDEX application_list_status_received_idx ON application (status, received_at DESC NULLS LAST, id DESC)`);
    await q.query(`CREATE INDEX application_category_idx ON application (category_id)`);
    await q.query(`CREATE INDEX application_size_class_idx ON application (size_class)`);
    await q.query(`DROP INDEX application_status_idx`);
    await q.query(`DROP INDEX application_prefecture_idx`);
    await q.query(`DROP INDEX application_updated_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_updated_idx ON application (updated_at DESC)`);
    await q.query(`CREATE INDEX application_prefecture_idx ON application (prefecture)`);
    await q.query(`CREATE INDEX application_status_idx ON application (status)`);
    for (const name of [
      'application_size_class_idx',
      'application_category_idx',
      'application_list_status_received_idx',
      'application_list_round_received_idx',
      'application_list_amount_idx',
      'application_list_prefecture_idx',
      'application_list_status_idx',
      'application_list_name_idx',
      'application_list_receipt_desc_idx',
      'application_list_receipt_asc_idx',
      'application_list_received_desc_idx',
      'application_list_received_asc_idx',
      'application_list_created_idx',
      'application_list_updated_idx',
    ])
      await q.query(`DROP INDEX ${name}`);
  }
}
