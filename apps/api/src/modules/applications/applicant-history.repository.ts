import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import type { Application } from './application.entity';

/** An application that may be the same applicant's (historyCandidates), with the names the history shows. */
export interface HistoryCandidate {
  id: string;
  receiptNumber: string | null;
  applicantName: string;
  applicantKind: Application['applicantKind'];
  corporateNumber: string | null;
  invoiceNumber: string | null;
  address: string | null;
  birthDate: string | null;
  status: string;
  workflowCode: string;
  workflowVersion: number;
  quotedAmount: number;
  expenses: Application['expenses'];
  receivedAt: Date | null;
  programCode: string;
  programName: string;
  roundName: string;
  categoryName: string;
}

/** The 申請履歴's reads (docs/applicant-history.md): the applications that may be the same applicant's, and a round's programme. */
@Injectable()
export class ApplicantHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.dataSource);
  }

  /**
   * 申請履歴: the other applications that may be the same applicant's (docs/applicant-history.md), by any of
   * its keys — 法人番号, インボイス登録番号 (a corporation's is T + 法人番号) or a 個人事業者's 生年月日 (the name
   * and 住所 are compared by matchApplicant in libs/domain) — with their round, programme and 類型 names.
   */
  async historyCandidates(
    app: Pick<Application, 'id' | 'corporateNumber' | 'birthDate'>,
    invoiceNumbers: string[],
    byBirthDate: boolean,
    tx?: Transaction,
  ): Promise<HistoryCandidate[]> {
    const corporateNumbers = [app.corporateNumber, ...invoiceNumbers.map((n) => n.slice(1))].filter((x): x is string => !!x);
    return this.m(tx).query(
      `SELECT a.id, a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName", a.applicant_kind AS "applicantKind",
              a.corporate_number AS "corporateNumber", a.invoice_number AS "invoiceNumber", a.address, a.birth_date::text AS "birthDate",
              a.status, a.workflow_code AS "workflowCode", a.workflow_version AS "workflowVersion", a.quoted_amount::float8 AS "quotedAmount",
              a.expenses, a.received_at AS "receivedAt", p.code AS "programCode", p.name AS "programName", r.name AS "roundName", c.name AS "categoryName"
         FROM application a JOIN round r ON r.id = a.round_id JOIN program p ON p.id = r.program_id JOIN category c ON c.id = a.category_id
        WHERE a.id <> $1
          AND (a.corporate_number = ANY($2::text[]) OR a.invoice_number = ANY($3::text[]) OR ($4::date IS NOT NULL AND a.birth_date = $4::date))
        ORDER BY a.received_at DESC NULLS LAST, a.created_at DESC`,
      [app.id, corporateNumbers, invoiceNumbers, byBirthDate ? app.birthDate : null],
    );
  }

  /** The programme code of a round (the 申請履歴's overlapping programmes). */
  async programCodeOf(roundId: string, tx?: Transaction): Promise<string> {
    const [row] = await this.m(tx).query(`SELECT p.code FROM round r JOIN program p ON p.id = r.program_id WHERE r.id = $1`, [roundId]);
    return row.code;
  }
}
