import { INDUSTRY_LABELS, SIZE_CLASS_LABELS } from '@jimukyoku/domain';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { csvFile } from '../../common/spreadsheet-cells';
import { asTransaction } from '../../database';
import { AuditRepository } from '../../modules/audit/audit.repository';
import { AuditService } from '../../modules/audit/audit.service';
import type { ImportMode } from '../../modules/imports/application-import.entity';
import { IMPORT_COLUMNS } from '../../modules/imports/import-columns';
import { ImportsRepository } from '../../modules/imports/imports.repository';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { demoApplicant, demoRandom } from './demo-random';
import { asUser, withinTransaction } from './demo-services';

/** the 3 months of 2020 and the same months of 2019 that the 売上高減少要件 compares (a 20% fall) */
const MONTHLY_SALES = '2019-04:10000000;2019-05:10000000;2019-06:10000000;2020-04:8000000;2020-05:8000000;2020-06:8000000';
/** far above the demo's own applicants (demoApplicant's `i`), so the 法人番号 are none of theirs */
const FIRST_APPLICANT = 900;

/** One paper application of 第12回's 通常枠 as a row of the import template (IMPORT_COLUMNS), by column key. */
function paperApplication(r: ReturnType<typeof demoRandom>, i: number): Record<string, string> {
  const a = demoApplicant(r, i);
  return {
    categoryCode: 'restructuring.standard',
    applicantKind: '法人',
    applicantName: a.applicantName,
    corporateNumber: a.corporateNumber,
    sizeClass: SIZE_CLASS_LABELS[a.sizeClass],
    employeeCount: String(a.employeeCount),
    capital: String(a.capital),
    industry: INDUSTRY_LABELS[a.industry],
    prefecture: a.prefecture,
    email: a.email,
    contactPerson: a.contactPerson,
    planTitle: a.planTitle,
    planSummary: a.planSummary,
    advisorName: a.certifiedAdvisor.name,
    advisorId: a.certifiedAdvisor.id,
    // at most 4,000万円 of expenses: the subsidy stays under the 3,000万円 past which a 金融機関 must confirm the plan
    expenses: `building:${r.int(20, 200) * 100_000};machinery:${r.int(30, 200) * 100_000}`,
    monthlySales: MONTHLY_SALES,
  };
}

const csvOf = (rows: Record<string, string>[]) =>
  csvFile([IMPORT_COLUMNS.map((c) => c.header), ...rows.map((row) => IMPORT_COLUMNS.map((c) => row[c.key] ?? ''))]);

/**
 * The 一括取込 page is not empty: two files of paper applications for 第12回 (open now), uploaded by the manager
 * and recorded as `POST /api/imports` records them (the file in the attachment storage, the import queued, audited):
 * - 正しい行だけ取り込む (validRows), eight rows, one with a 法人番号 whose check digit is wrong: seven are imported,
 *   the report names the eighth;
 * - 全件か無しか (allOrNothing), four rows, one without its 事業計画名: nothing is imported, the report says why.
 * The import worker runs them (README "Bulk import"): it takes an import recorded without a job within a minute (its
 * ResumeUnfinishedImports), so the applications arrive through the same validation and acceptance as every import.
 */
export const demoImportsSeed: SeedStep = {
  name: 'demo imports of paper applications',
  kind: 'demo',
  async run(m: EntityManager, context) {
    if ((await m.query(`SELECT 1 FROM application_import LIMIT 1`)).length > 0) return 'already present';
    const storage = context.attachmentStorage;
    if (!storage) return 'skipped (no storage given)';
    const [round] = await m.query(`SELECT r.id FROM round r JOIN program p ON p.id = r.program_id WHERE p.code = 'restructuring' AND r.number = 12`);
    if (!round) return 'skipped (no demo round)';
    const manager = asUser(await m.findOneByOrFail(StaffUser, { role: 'manager' }));
    const ds = withinTransaction(m);
    const imports = new ImportsRepository(ds);
    const audit = new AuditService(new AuditRepository(ds));
    const tx = asTransaction(m);
    const r = demoRandom(1212);

    const first = Array.from({ length: 8 }, (_, k) => paperApplication(r, FIRST_APPLICANT + k));
    const digits = first[5].corporateNumber;
    first[5].corporateNumber = `${(Number(digits[0]) + 1) % 10}${digits.slice(1)}`;
    const second = Array.from({ length: 4 }, (_, k) => paperApplication(r, FIRST_APPLICANT + 20 + k));
    second[2].planTitle = '';

    const upload = async (fileName: string, rows: Record<string, string>[], mode: ImportMode) => {
      const content = csvOf(rows);
      const stored = await storage.write(Readable.from([content]), content.length);
      const record = await imports.create(tx, { roundId: round.id, fileName, format: 'csv', mode, storageKey: stored.key, createdBy: manager.id });
      await audit.record(
        {
          actor: manager,
          action: 'import.created',
          entityType: 'applicationImport',
          entityId: record.id,
          changes: { fileName, mode, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
        },
        tx,
      );
    };
    await upload('第12回_紙申請_第1便.csv', first, 'validRows');
    await upload('第12回_紙申請_第2便.csv', second, 'allOrNothing');
    return '2 files of paper applications for 第12回, queued (the import worker runs them within a minute)';
  },
};
