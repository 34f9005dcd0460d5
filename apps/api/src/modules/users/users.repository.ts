import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { STAFF_ROLES } from '../../auth/roles';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { StaffUser } from './staff-user.entity';

export interface UserFilter {
  id?: string[];
  q?: string;
  role?: string;
  active?: boolean;
  organisation?: string;
}

export const USER_SORTABLE = ['name', 'email', 'role', 'organisation', 'active', 'createdAt', 'lastLoginAt'] as const;
export const USER_LIST: ListSpec = { sortable: USER_SORTABLE, defaultSort: ['name', 'ASC'], filters: { q: 'string', role: { enum: STAFF_ROLES }, active: 'boolean', organisation: 'string' } };

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(StaffUser) private readonly repo: Repository<StaffUser>) {}

  list(query: ListQuery<UserFilter>): Promise<[StaffUser[], number]> {
    const qb = this.repo.createQueryBuilder('u');
    const f = query.filter;
    if (f.id) qb.andWhere('u.id IN (:...ids)', { ids: f.id });
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (typeof f.active === 'boolean') qb.andWhere('u.active = :active', { active: f.active });
    if (f.organisation) qb.andWhere('u.organisation = :org', { org: f.organisation });
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.name ILIKE :like', { like }).orWhere('u.email ILIKE :like', { like })));
    }
    return qb.orderBy(`u.${query.sortField}`, query.sortOrder).addOrderBy('u.id').skip(query.offset).take(query.limit).getManyAndCount();
  }

  findById(id: string, manager?: EntityManager): Promise<StaffUser | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return (manager ? manager.getRepository(StaffUser) : this.repo).findOneBy({ id });
  }

  emailTaken(email: string, exceptId?: string): Promise<boolean> {
    const qb = this.repo.createQueryBuilder('u').where('u.email = :email', { email });
    if (exceptId) qb.andWhere('u.id <> :id', { id: exceptId });
    return qb.getExists();
  }

  insert(manager: EntityManager, user: Partial<StaffUser>): Promise<StaffUser> {
    return manager.getRepository(StaffUser).save(manager.getRepository(StaffUser).create(user));
  }

  save(manager: EntityManager, user: StaffUser): Promise<StaffUser> {
    return manager.getRepository(StaffUser).save(user);
  }
}
