import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open assignments (not submitted, not revoked) by application. The ranking counts each decidable
 * application's open review assignments (a sheet reopened after 審査完了 makes it undecidable until
 * resubmitted: AdoptionRepository.rankingInputs); with this index it looks up the round × category's own
 * applications instead of grouping every open assignment of the table, which took 0.25–0.37 s of a
 * 20,000-application ranking beside a million other applications (bench/README.md "simulator"). Small: an
 * assignment leaves it when its sheet is submitted.
 */
export class OpenAssignmentIndex1764600200000 implements MigrationInterface {
  name = 'OpenAssignmentIndex1764600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_assignment_open_idx ON application_assignment (application_id) WHERE submitted_at IS NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_assignment_open_idx`);
  }
}
