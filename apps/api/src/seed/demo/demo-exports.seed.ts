import { statesTagged } from '@jimukyoku/workflow';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config';
import { asTransaction, UnitOfWork } from '../../database';
import { ApplicationExportsRepository } from '../../modules/application-exports/application-exports.repository';
import { ApplicationExportsService, exportFileName } from '../../modules/application-exports/application-exports.service';
import { ApplicationsRepository } from '../../modules/applications/applications.repository';
import { AuditRepository } from '../../modules/audit/audit.repository';
import { AuditService } from '../../modules/audit/audit.service';
import type { AttachmentStorage } from '../../modules/intake/attachment-storage';
import { StaffUser } from '../../modules/users/staff-user.entity';
import type { SeedStep } from '../seed-step';
import { asUser, withinTransaction } from './demo-services';

/**
 * The エクスポート page is not empty: the manager's Excel of the whole 第11回 written the way the worker
 * writes a large export (recorded, then ApplicationExportsService.run: file in storage, progress, audit),
 * and two exports answered at once (the manager's CSV of 第12回's applications awaiting 要件確認, the
 * reviewer's CSV of their assigned applications). Runs after the demo applications; needs the storage.
 */
export const demoExportsSeed: SeedStep = {
  name: 'demo application exports',
  kind: 'demo',
  async run(m: EntityManager, context) {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM application_export`);
    if (n > 0) return 'already present';
    if (!context.attachmentStorage) return 'skipped (no storage given)';
    const ds = withinTransaction(m);
    const repo = new ApplicationExportsRepository(ds, new ApplicationsRepository(ds));
    const audit = new AuditService(new AuditRepository(ds));
    // every demo export is either answered at once or run here: the queue and Redis are never asked
    const config = { exportDirectMaxRows: Number.MAX_SAFE_INTEGER } as AppConfig;
    const exports = new ApplicationExportsService(
      repo,
      null as never,
      context.attachmentStorage as AttachmentStorage,
      config,
      audit,
      null as never,
      new UnitOfWork(ds),
    );
    const manager = asUser(await m.findOneByOrFail(StaffUser, { role: 'manager' }));
    const reviewer = asUser(await m.findOneByOrFail(StaffUser, { role: 'reviewer' }));
    const roundOf = async (number: number): Promise<string | undefined> =>
      (await m.query(`SELECT r.id FROM round r JOIN program p ON p.id = r.program_id WHERE p.code = 'restructuring' AND r.number = $1`, [number]))[0]?.id;
    const [round11, round12] = [await roundOf(11), await roundOf(12)];
    if (!round11 || !round12) return 'skipped (no demo rounds)';

    const filter = { roundId: round11 };
    const total = await repo.countRows(filter, manager);
    const tx = asTransaction(m);
    const job = await repo.create(tx, {
      requestedBy: manager.id,
      requesterRole: manager.role,
      format: 'xlsx',
      filter,
      delivery: 'job',
      status: 'queued',
      totalRows: total,
      processedRows: 0,
      fileName: exportFileName('xlsx', new Date()),
    });
    await audit.record(
      {
        actor: manager,
        action: 'applicationExport.created',
        entityType: 'applicationExport',
        entityId: job.id,
        changes: { format: 'xlsx', filter, delivery: 'job', rows: total },
      },
      tx,
    );
    await exports.run(job.id);
    await exports.request(manager, 'csv', { roundId: round12, status: statesTagged('awaitsFormalCheck') });
    await exports.request(reviewer, 'csv', {});
    return `3 exports (an Excel of 第11回 with ${total} rows in storage, two answered at once)`;
  },
};
