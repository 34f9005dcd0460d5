import type { DepositType } from '@jimukyoku/domain';

/** GET /api/bank-accounts */
export interface BankAccountRecord {
  id: string;
  applicationId: string;
  bankCode: string;
  branchCode: string;
  depositType: DepositType;
  accountNumber: string;
  accountHolderKana: string;
  updatedAt: string;
  updatedByName: string | null;
}
