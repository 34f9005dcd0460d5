import ExcelJS from 'exceljs';
import { formatJst, type BonusItem } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/is-uuid';
import { csvFile, xlsxValue } from '../../common/spreadsheet-cells';
import { stateLabel } from '../applications/state-label';
import type { Round } from '../rounds/round.entity';
import { RoundsRepository } from '../rounds/rounds.repository';
import { AdoptionError } from './adoption.errors';
import { AdoptionRepository } from './adoption.repository';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

interface Table {
  sheetName: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** The 採択者一覧 as published: one row per adopted application, these columns in this order. */
export const PUBLICATION_COLUMNS = ['受付番号', '事業者名', '法人番号', '都道府県', '事業計画名', '認定支援機関名'] as const;

/**
 * Exports of a round: the publication list of adopted applications (公表用) and the full scoring
 * export for the secretariat (every submitted score sheet with its criteria). CSV is UTF-8 with a BOM
 * so Excel opens the Japanese text correctly, and cells that would start a formula are neutralised
 * (common/spreadsheet-cells.ts); Excel via exceljs, text always as string cells.
 */
@Injectable()
export class ReviewExportsService {
  constructor(
    private readonly adoption: AdoptionRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  async adoptedList(roundId: string, format: ExportFormat, categoryId?: string): Promise<ExportFile> {
    const round = await this.round(roundId);
    if (categoryId !== undefined && !isUuid(categoryId)) throw new AdoptionError('CATEGORY_NOT_OFFERED');
    const rows = await this.adoption.adoptedRows(roundId, categoryId);
    return this.file(`${round.code}-adopted`, format, {
      sheetName: '採択者一覧',
      header: [...PUBLICATION_COLUMNS],
      rows: rows.map((r) => [r.receipt_number, r.applicant_name, r.corporate_number, r.prefecture, r.plan_title, r.advisor_name]),
    });
  }

  async scoring(roundId: string, format: ExportFormat): Promise<ExportFile> {
    const round = await this.round(roundId);
    const criteria = await this.adoption.criteriaOfRound(roundId);
    const sheets = await this.adoption.submittedSheetsOfRound(roundId);
    return this.file(`${round.code}-scores`, format, {
      sheetName: '採点一覧',
      header: [
        '受付番号',
        '事業者名',
        '類型',
        '状態',
        '申請額(円)',
        '審査員',
        ...criteria.map((c) => c.label),
        '合計(加重)',
        '確認した加点項目',
        '総評',
        '提出日時',
      ],
      rows: sheets.map((s) => [
        s.receipt_number as string,
        s.applicant_name as string,
        s.category_name as string,
        stateLabel({ workflowCode: s.workflow_code as string, workflowVersion: Number(s.workflow_version), status: s.status as string }),
        Number(s.quoted_amount),
        s.reviewer_name as string,
        ...criteria.map((c) => (s.scores as Record<string, number>)[c.code] ?? null),
        s.total as number,
        bonusLabels(s.confirmed_bonus as string[], s.bonus_items as BonusItem[]),
        (s.overall_comment as string | null) ?? '',
        formatJst(s.submitted_at as Date),
      ]),
    });
  }

  private async round(roundId: string): Promise<Round> {
    const round = isUuid(roundId) ? await this.rounds.find(roundId) : null;
    if (!round) throw new AdoptionError('ROUND_NOT_FOUND');
    return round;
  }

  private async file(baseName: string, format: ExportFormat, table: Table): Promise<ExportFile> {
    if (format === 'csv') {
      // applicant-written text (事業者名, 事業計画名, 総評) never starts a formula in the manager's spreadsheet
      return { fileName: `${baseName}.csv`, contentType: 'text/csv; charset=utf-8', body: csvFile([table.header, ...table.rows]) };
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(table.sheetName);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(xlsxValue));
    table.header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(12, h.length * 2 + 4)));
    return {
      fileName: `${baseName}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}

/** The 加点項目 a reviewer confirmed, by their names in the sheet's 審査基準 (the code only for one it no longer has). */
const bonusLabels = (codes: string[], items: BonusItem[]): string => codes.map((code) => items.find((i) => i.code === code)?.label ?? code).join('、');
