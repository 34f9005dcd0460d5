import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { STAFF_ROLES } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { containing } from '../../database/like-pattern';
import { StaffUser } from './staff-user.entity';

export interface UserFilter {
  id?: string[];
  q?: string;
  role?: string;
  active?: boolean;
  organisation?: string;
}

export const USER_SORTABLE = ['name', 'email', 'role', 'organisation', 'active', 'createdAt', 'lastLoginAt'] as const;
export const USER_LIST: ListSpec = {
  sortable: USER_SORTABLE,
  defaultSort: ['name', 'ASC'],
  filters: { q: 'string', role: { enum: STAFF_ROLES }, active: 'boolean', organisation: 'string' },
};

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo(): Repository<StaffUser> {
    return this.dataSource.getRepository(StaffUser);
  }

  /** staff_user in `tx`, else outside any transaction. */
  private users(tx?: Transaction): Repository<StaffUser> {
    return managerOf(tx, this.dataSource).getRepository(StaffUser);
  }

  list(query: ListQuery<UserFilter>): Promise<[StaffUser[], number]> {
    const qb = this.repo.createQueryBuilder('u');
    const f = query.filter;
    if (f.id) qb.andWhere('u.id IN (:...ids)', { ids: f.id });
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (typeof f.active === 'boolean') qb.andWhere('u.active = :active', { active: f.active });
    if (f.organisation) qb.andWhere('u.organisation = :org', { org: f.organisation });
    if (f.q) {
      const like = containing(f.q);
      qb.andWhere(new Brackets((w) => w.where('u.name ILIKE :like', { like }).orWhere('u.email ILIKE :like', { like })));
    }
    return entityPage(qb, { order: { column: `u.${query.sortField}`, direction: query.sortOrder }, tieBreak: 'u.id', ...query });
  }

  findById(id: string, tx?: Transaction): Promise<StaffUser | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.users(tx).findOneBy({ id });
  }

  /**
   * Locks the active administrators' rows (FOR UPDATE) until `tx` ends and answers their ids as they
   * stand once locked: two changes that each remove an administrator wait for each other, and the
   * second sees the first's result (README "Staff sign-in and sessions", at least one administrator).
   */
  async lockActiveAdmins(tx: Transaction): Promise<string[]> {
    const rows: { id: string }[] = await managerOf(tx, this.dataSource).query(
      `SELECT id FROM staff_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  emailTaken(email: string, exceptId?: string): Promise<boolean> {
    const qb = this.repo.createQueryBuilder('u').where('u.email = :email', { email });
    if (exceptId) qb.andWhere('u.id <> :id', { id: exceptId });
    return qb.getExists();
  }

  insert(tx: Transaction, user: Partial<StaffUser>): Promise<StaffUser> {
    const users = this.users(tx);
    return users.save(users.create(user));
  }

  save(tx: Transaction, user: StaffUser): Promise<StaffUser> {
    return this.users(tx).save(user);
  }
}
