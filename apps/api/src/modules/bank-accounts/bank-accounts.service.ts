import { Injectable } from '@nestjs/common';
import { BANK_ACCOUNT_FIELD_LABELS, parseBankAccount, type BankAccount, type BankAccountField } from '@jimukyoku/domain';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork } from '../../database';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { BankAccountError } from './bank-accounts.errors';
import { BankAccountsRepository, type BankAccountFilter, type BankAccountView } from './bank-accounts.repository';
import type { BankAccountFieldsDto, CreateBankAccountDto } from './dto/bank-account.dto';

export const BANK_ACCOUNT_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt', 'receiptNumber'],
  defaultSort: ['createdAt', 'DESC'],
  filters: { applicationId: 'uuid', bankCode: 'string' },
};

const FIELDS = Object.keys(BANK_ACCOUNT_FIELD_LABELS) as BankAccountField[];

/** The stored fields of an account, for the audit record. */
const fieldsOf = (account: BankAccount | BankAccountView): BankAccount => ({
  bankCode: account.bankCode,
  branchCode: account.branchCode,
  depositType: account.depositType,
  accountNumber: account.accountNumber,
  accountHolderKana: account.accountHolderKana,
});

/**
 * The payee's bank account of an application (one per application), entered by a manager — for an
 * application that came on paper, or when the applicant sends their account after 採択 — and validated on
 * entry by libs/domain's parseBankAccount: the stored form is what the 全銀協 総合振込 file takes
 * (docs/payments.md). Each registration and change is written with its audit record in one transaction; a
 * change records the fields before and after (a payee's account changed is what an auditor looks for).
 */
@Injectable()
export class BankAccountsService {
  constructor(
    private readonly rows: BankAccountsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  list(query: ListQuery<BankAccountFilter>) {
    return this.rows.list(query);
  }

  async get(id: string) {
    const account = isUuid(id) ? await this.rows.find(id) : null;
    if (!account) throw new BankAccountError('BANK_ACCOUNT_NOT_FOUND');
    return account;
  }

  async create(dto: CreateBankAccountDto, user: AuthenticatedUser, meta: RequestMeta) {
    const account = this.validate(dto);
    return this.uow.run(async (tx) => {
      const app = await this.applications.findVisible(dto.applicationId, user, tx);
      if (!app) throw new BankAccountError('APPLICATION_NOT_FOUND');
      const id = await this.rows.insert(app.id, account, user.id, tx);
      if (!id) throw new BankAccountError('BANK_ACCOUNT_EXISTS', { id: await this.rows.idOfApplication(app.id, tx) });
      await this.audit.record(
        { actor: user, action: 'bankAccount.registered', entityType: 'bankAccount', entityId: id, changes: { applicationId: app.id, ...account }, ...meta },
        tx,
      );
      return (await this.rows.find(id, tx))!;
    });
  }

  async update(id: string, dto: BankAccountFieldsDto, user: AuthenticatedUser, meta: RequestMeta) {
    if (!isUuid(id)) throw new BankAccountError('BANK_ACCOUNT_NOT_FOUND');
    const account = this.validate(dto);
    return this.uow.run(async (tx) => {
      const before = await this.rows.findForUpdate(id, tx);
      if (!before) throw new BankAccountError('BANK_ACCOUNT_NOT_FOUND');
      const changed = FIELDS.filter((f) => before[f] !== account[f]);
      if (changed.length === 0) return before;
      await this.rows.update(id, account, user.id, tx);
      await this.audit.record(
        {
          actor: user,
          action: 'bankAccount.changed',
          entityType: 'bankAccount',
          entityId: id,
          changes: { applicationId: before.applicationId, before: fieldsOf(before), after: account, changed },
          ...meta,
        },
        tx,
      );
      return (await this.rows.find(id, tx))!;
    });
  }

  /** The account as the file needs it, or 422 with a Japanese message per wrong field. */
  private validate(dto: BankAccountFieldsDto): BankAccount {
    const parsed = parseBankAccount(dto);
    if (parsed.ok) return parsed.account;
    const errors = FIELDS.filter((f) => parsed.errors[f]).map((field) => ({ field, message: parsed.errors[field]! }));
    throw new BankAccountError('INVALID_BANK_ACCOUNT', { errors }, `口座の内容に誤りがあります: ${errors.map((e) => e.message).join(' ')}`);
  }
}
