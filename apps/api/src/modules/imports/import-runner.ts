import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { flattenValidationErrors } from '../../common/validation.pipe';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../intake/attachment-storage';
import { IntakeApplicationDto } from '../intake/dto/intake-application.dto';
import { IntakeService } from '../intake/intake.service';
import { ApplicationImport } from './application-import.entity';
import { mapHeaders, rowToPayload, RowProblem } from './import-columns';
import { readRows } from './import-file';

const PROGRESS_EVERY = 25;
const MAX_REPORTED_PROBLEMS = 2000;

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Problems of an intake error (422 list, 409 duplicate, closed round …) as rows of the report. */
function problemsOf(e: unknown, row: number): RowProblem[] {
  if (e instanceof HttpException) {
    const body = e.getResponse() as { message?: string; errors?: { field: string; message: string }[] };
    if (body.errors?.length) return body.errors.map((x) => ({ row, field: x.field, message: x.message }));
    return [{ row, field: '', message: body.message ?? e.message }];
  }
  throw e;
}

/**
 * Runs one import (in the worker): every row through the same validation and acceptance as the
 * intake API. validRows: each row in its own transaction. allOrNothing: all rows in one transaction,
 * each behind a savepoint so every row's problems are reported, then rolled back if any row failed.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async run(importId: string): Promise<ApplicationImport['status']> {
    const repo = this.dataSource.getRepository(ApplicationImport);
    const job = await repo.createQueryBuilder('i').addSelect('i.storageKey').where('i.id = :id', { id: importId }).getOne();
    if (!job || job.status === 'done' || job.status === 'failed') return job?.status ?? 'failed'; // already handled
    await repo.update(importId, { status: 'running', startedAt: new Date() });

    const rows = await readRows(await toBuffer(this.storage.read(job.storageKey)), job.format).catch(() => null);
    if (!rows || rows.length === 0) return this.finish(importId, 'failed', 0, [{ row: 1, field: '', message: 'ファイルを読み取れません (CSV は UTF-8、Excel は .xlsx で保存してください)' }], 0);
    const { index, problems: headerProblems } = mapHeaders(rows[0]);
    const data = rows.slice(1);
    await repo.update(importId, { totalRows: data.length });
    if (headerProblems.length) return this.finish(importId, 'failed', 0, headerProblems, data.length);

    const problems: RowProblem[] = [];
    let imported = 0;
    const attempt = async (m: EntityManager, cells: string[], row: number) => {
      const { payload, problems: cellProblems } = rowToPayload(cells, index, row, job.roundId);
      const shape = cellProblems.length ? [] : flattenValidationErrors(await validate(plainToInstance(IntakeApplicationDto, payload))).map((x) => ({ row, ...x }));
      if (cellProblems.length || shape.length) return [...cellProblems, ...shape];
      try {
        await this.intake.acceptIn(m, { importId, row, documentsOnPaper: true }, payload);
        return [];
      } catch (e) {
        if (IntakeService.isDuplicate(e)) return problemsOf(await this.intake.duplicateError(this.dataSource.manager, job.roundId, payload.applicant.corporateNumber!), row);
        return problemsOf(e, row);
      }
    };
    const progress = (done: number) => (done % PROGRESS_EVERY === 0 ? repo.update(importId, { processedRows: done }) : Promise.resolve());

    if (job.mode === 'validRows') {
      for (const [i, cells] of data.entries()) {
        const row = i + 2;
        let rowProblems: RowProblem[] = [];
        try {
          await this.dataSource.transaction(async (m) => {
            rowProblems = await attempt(m, cells, row);
            if (rowProblems.length) throw new RowRefused();
          });
          imported++;
        } catch (e) {
          if (!(e instanceof RowRefused)) rowProblems = problemsOf(e, row);
          problems.push(...rowProblems);
        }
        await progress(i + 1);
      }
      return this.finish(importId, 'done', imported, problems, data.length);
    }

    try {
      await this.dataSource.transaction(async (m) => {
        for (const [i, cells] of data.entries()) {
          await m.query('SAVEPOINT import_row');
          const rowProblems = await attempt(m, cells, i + 2).catch((e) => problemsOf(e, i + 2));
          if (rowProblems.length) {
            problems.push(...rowProblems);
            await m.query('ROLLBACK TO SAVEPOINT import_row');
          } else {
            imported++;
            await m.query('RELEASE SAVEPOINT import_row');
          }
          await progress(i + 1);
        }
        if (problems.length) throw new RowRefused();
      });
      return this.finish(importId, 'done', imported, [], data.length);
    } catch (e) {
      if (!(e instanceof RowRefused)) throw e;
      return this.finish(importId, 'failed', 0, problems, data.length, '誤りのある行があるため、1件も取り込んでいません (全件か無しか)。');
    }
  }

  private async finish(importId: string, status: 'done' | 'failed', imported: number, problems: RowProblem[], total: number, message?: string) {
    const errorRows = new Set(problems.map((p) => p.row)).size;
    await this.dataSource.getRepository(ApplicationImport).update(importId, {
      status,
      importedRows: imported,
      processedRows: total,
      errorRows,
      errors: problems.slice(0, MAX_REPORTED_PROBLEMS) as never,
      message: message ?? (status === 'done' ? `${imported}件を取り込みました${errorRows ? `。${errorRows}行は誤りのため取り込んでいません` : ''}。` : '取り込めませんでした。'),
      finishedAt: new Date(),
    });
    this.logger.log({ importId, status, imported, errorRows }, 'import finished');
    return status;
  }
}

class RowRefused extends Error {}
