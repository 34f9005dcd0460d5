import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { unsafeValues } from '../../common/hostile-input';
import { flattenValidationErrors } from '../../common/validation.pipe';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork, type Transaction } from '../../database';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../intake/attachment-storage';
import { IntakeApplicationDto } from '../intake/dto/intake-application.dto';
import { IntakeService } from '../intake/intake.service';
import type { ApplicationImport } from './application-import.entity';
import { asColumnProblem, mapHeaders, rowToPayload, RowProblem } from './import-columns';
import { readRows } from './import-file';
import { ImportFileError, importLimits } from './import-limits';
import { ImportsRepository, RowRefusal } from './imports.repository';

const PROGRESS_EVERY = 25;

/** Problems of an intake error (422 list, 409 duplicate, closed round …) as rows of the report. */
function problemsOf(e: unknown, row: number): RowProblem[] {
  if (e instanceof HttpException) {
    const body = e.getResponse() as { message?: string; field?: string; errors?: { field: string; message: string }[] };
    if (body.errors?.length) return body.errors.map((x) => asColumnProblem({ row, field: x.field, message: x.message }));
    return [asColumnProblem({ row, field: body.field ?? '', message: body.message ?? e.message })];
  }
  throw e;
}

const doneMessage = (c: { imported: number; refused: number }) =>
  `${c.imported}件を取り込みました${c.refused ? `。${c.refused}行は誤りのため取り込んでいません` : ''}。`;
const ALL_OR_NOTHING_REFUSED = '誤りのある行があるため、1件も取り込んでいません (全件か無しか)。';

/**
 * Runs one import, in the worker: every row through the same validation and acceptance as the intake
 * API. The file is read twice, streamed: first whole, so a file over a limit (rows, cells, a workbook
 * bomb) or with wrong headers is refused before any row is imported; then row by row.
 *
 * validRows: each row in its own transaction, its outcome recorded with its application
 * (application_import_row), so a run that restarts after a crash goes on after the last recorded row
 * and no row is imported twice (a second outcome of a row fails its transaction). allOrNothing: all
 * rows in one transaction, each behind a savepoint so every row's problems are reported, committed
 * with the import's `done`, or rolled back if any row failed; a crash rolls it back and the restart
 * starts over. The report counts the recorded outcomes.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly imports: ImportsRepository,
    private readonly intake: IntakeService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async run(importId: string): Promise<ApplicationImport['status']> {
    const job = await this.imports.forRun(importId);
    if (!job || job.status === 'done' || job.status === 'failed') return job?.status ?? 'failed'; // already handled
    const rows = () => readRows(() => this.storage.read(job.storageKey), job.format, importLimits(this.config));

    let header: string[] | null = null;
    let total = 0;
    try {
      for await (const cells of rows()) {
        if (header) total++;
        else header = cells;
      }
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      return this.refuseFile(importId, e.message);
    }
    if (!header) return this.refuseFile(importId, 'ファイルが空です。1行目に見出し、2行目から申請を記入してください。');
    const { index, problems: headerProblems } = mapHeaders(header);
    await this.imports.markRunning(importId, total);
    if (headerProblems.length) return this.finishRefused(importId, headerProblems);

    const attempt = async (tx: Transaction, cells: string[], row: number): Promise<{ problems: RowProblem[]; applicationId?: string }> => {
      const { payload, problems: cellProblems } = rowToPayload(cells, index, row, job.roundId);
      // the same checks as the API's validation pipe: no NUL (PostgreSQL refuses it) nor unsafe number in any cell
      const shape = cellProblems.length
        ? []
        : [...unsafeValues(payload), ...flattenValidationErrors(await validate(plainToInstance(IntakeApplicationDto, payload)))].map((x) =>
            asColumnProblem({ row, ...x }),
          );
      if (cellProblems.length || shape.length) return { problems: [...cellProblems, ...shape] };
      try {
        const application = await this.intake.acceptIn(tx, { importId, row, documentsOnPaper: true }, payload);
        return { problems: [], applicationId: application.id };
      } catch (e) {
        return { problems: problemsOf(e, row) };
      }
    };
    const dataRows = async function* () {
      let row = 0;
      for await (const cells of rows()) if (++row > 1) yield { cells, row };
    };

    const status = job.mode === 'validRows' ? await this.validRows(importId, dataRows(), attempt) : await this.allOrNothing(importId, dataRows(), attempt);
    this.logger.log({ importId, status }, 'import finished');
    return status;
  }

  private async validRows(importId: string, rows: AsyncIterable<{ cells: string[]; row: number }>, attempt: Attempt) {
    const after = await this.imports.lastRecordedRow(importId);
    if (after > 1) this.logger.warn({ importId, after }, 'import resumed after the last recorded row');
    for await (const { cells, row } of rows) {
      if (row <= after) continue;
      let refused: RowProblem[] = [];
      try {
        await this.unitOfWork.run(async (tx) => {
          const outcome = await attempt(tx, cells, row);
          if (outcome.problems.length) {
            refused = outcome.problems;
            throw new RowRefused();
          }
          await this.imports.recordImported(tx, importId, row, outcome.applicationId!);
        });
      } catch (e) {
        if (ImportsRepository.isRecordedTwice(e)) continue; // another run of this import took the row
        if (!(e instanceof RowRefused)) refused = problemsOf(e, row);
        await this.imports.recordRefused([{ row, problems: refused }], importId);
      }
      if ((row - 1) % PROGRESS_EVERY === 0) await this.imports.setProgress(importId, row - 1);
    }
    await this.imports.finish(importId, 'done', doneMessage);
    return 'done' as const;
  }

  private async allOrNothing(importId: string, rows: AsyncIterable<{ cells: string[]; row: number }>, attempt: Attempt) {
    const refusals: RowRefusal[] = [];
    try {
      await this.unitOfWork.run(async (tx) => {
        for await (const { cells, row } of rows) {
          await this.imports.savepoint(tx, 'begin');
          const outcome = await attempt(tx, cells, row).catch((e) => ({ problems: problemsOf(e, row), applicationId: undefined }));
          if (outcome.problems.length) {
            refusals.push({ row, problems: outcome.problems });
            await this.imports.savepoint(tx, 'rollback');
          } else {
            await this.imports.recordImported(tx, importId, row, outcome.applicationId!);
            await this.imports.savepoint(tx, 'release');
          }
          if ((row - 1) % PROGRESS_EVERY === 0) await this.imports.setProgress(importId, row - 1);
        }
        if (refusals.length) throw new RowRefused();
        await this.imports.finish(importId, 'done', doneMessage, tx);
      });
      return 'done' as const;
    } catch (e) {
      if (!(e instanceof RowRefused)) throw e;
    }
    await this.unitOfWork.run(async (tx) => {
      await this.imports.recordRefused(refusals, importId, tx);
      await this.imports.finish(importId, 'failed', () => ALL_OR_NOTHING_REFUSED, tx);
    });
    return 'failed' as const;
  }

  /** The file as a whole cannot be read or is over a limit: nothing is imported, the report says why. */
  private async refuseFile(importId: string, message: string) {
    await this.imports.markRunning(importId, 0);
    return this.finishRefused(importId, [{ row: 1, field: '', message }], message);
  }

  private async finishRefused(importId: string, problems: RowProblem[], message = '取り込めませんでした。') {
    await this.imports.finish(importId, 'failed', () => message, undefined, problems);
    this.logger.log({ importId, problems: problems.length }, 'import refused');
    return 'failed' as const;
  }
}

type Attempt = (tx: Transaction, cells: string[], row: number) => Promise<{ problems: RowProblem[]; applicationId?: string }>;

class RowRefused extends Error {}
