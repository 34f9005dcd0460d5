import { Injectable } from '@nestjs/common';
import { AuthRepository } from '../../auth/auth.repository';
import { weakPasswordError } from '../../auth/auth.errors';
import { hashPassword } from '../../auth/password';
import { passwordPolicyProblems } from '../../auth/password-policy';
import type { AuthenticatedUser } from '../../auth/roles';
import { randomToken } from '../../auth/tokens';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery } from '../../common/list-query';
import { UnitOfWork } from '../../database';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditService } from '../audit/audit.service';
import type { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { StaffUser } from './staff-user.entity';
import { UserError } from './users.errors';
import { UserFilter, UsersRepository } from './users.repository';

export type UserView = Omit<StaffUser, 'passwordHash'>;
const view = ({ passwordHash: _p, ...rest }: StaffUser): UserView => rest;

/** Staff accounts, managed by administrators; every change is audited in the same transaction. */
@Injectable()
export class UsersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
    private readonly assignments: AssignmentsService,
  ) {}

  async list(query: ListQuery<UserFilter>): Promise<[UserView[], number]> {
    const [rows, total] = await this.users.list(query);
    return [rows.map(view), total];
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw new UserError('USER_NOT_FOUND');
    return view(user);
  }

  /** Creates an account. Without a password a temporary one is issued, returned once, to be changed at first login. */
  async create(actor: AuthenticatedUser, dto: CreateUserDto): Promise<UserView & { temporaryPassword?: string }> {
    const email = dto.email.trim().toLowerCase();
    if (await this.users.emailTaken(email)) throw new UserError('EMAIL_TAKEN');
    refuseWeakPassword(dto.password, email);
    const temporaryPassword = dto.password ? undefined : randomToken(12);
    const passwordHash = await hashPassword(dto.password ?? temporaryPassword!);
    const user = await this.uow.run(async (tx) => {
      const created = await this.users.insert(tx, {
        email,
        name: dto.name.trim(),
        role: dto.role,
        organisation: dto.organisation?.trim() || null,
        passwordHash,
        mustChangePassword: true,
        active: true,
      });
      await this.audit.record(
        {
          actor,
          action: 'user.created',
          entityType: 'staffUser',
          entityId: created.id,
          changes: { email, role: dto.role, organisation: created.organisation },
        },
        tx,
      );
      return created;
    });
    return { ...view(user), ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  async update(actor: AuthenticatedUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    if (id === actor.id && dto.active === false) throw new UserError('CANNOT_DEACTIVATE_SELF');
    if (id === actor.id && dto.role && dto.role !== 'admin') throw new UserError('CANNOT_DEMOTE_SELF');
    // a path that is no UUID names no user (and cannot be compared with one in SQL)
    if (!isUuid(id)) throw new UserError('USER_NOT_FOUND');
    const email = dto.email?.trim().toLowerCase();
    if (email && (await this.users.emailTaken(email, id))) throw new UserError('EMAIL_TAKEN');
    const mayRemoveAdmin = dto.active === false || (dto.role !== undefined && dto.role !== 'admin');
    return this.uow.run(async (tx) => {
      // locked before the account is read, so the check below and the save see the same, current rows
      const activeAdmins = mayRemoveAdmin ? await this.users.lockActiveAdmins(tx) : [];
      const user = await this.users.findById(id, tx);
      if (!user) throw new UserError('USER_NOT_FOUND');
      // README "Staff sign-in and sessions": at least one active administrator remains
      if (mayRemoveAdmin && user.role === 'admin' && user.active && !activeAdmins.some((adminId) => adminId !== user.id))
        throw new UserError('LAST_ACTIVE_ADMIN');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set = <K extends 'email' | 'name' | 'role' | 'organisation' | 'active'>(key: K, value: StaffUser[K] | undefined) => {
        if (value === undefined || value === user[key]) return;
        changes[key] = { from: user[key], to: value };
        user[key] = value;
      };
      set('email', email);
      set('name', dto.name?.trim());
      set('role', dto.role);
      set('organisation', dto.organisation === undefined ? undefined : dto.organisation?.trim() || null);
      set('active', dto.active);
      if (Object.keys(changes).length === 0) return view(user);
      // as the account stood before these changes (set() has written them on `user`)
      const wasReviewing = (changes.active ? changes.active.from : user.active) === true && (changes.role ? changes.role.from : user.role) === 'reviewer';
      const saved = await this.users.save(tx, user);
      const deactivated = changes.active?.to === false;
      if (deactivated || changes.role) await this.auth.revokeUserSessions(id, deactivated ? 'userDeactivated' : 'roleChanged', { tx });
      // a reviewer who can no longer review leaves no application waiting on them (README "Review and adoption")
      const audited: Record<string, unknown> = { ...changes };
      if (wasReviewing && (deactivated || changes.role))
        audited.revokedAssignments = await this.assignments.revokeAllOf(
          id,
          deactivated ? '審査員のアカウントが無効化されたため' : '審査員以外の役割に変更されたため',
          actor,
          {},
          tx,
        );
      await this.audit.record(
        { actor, action: deactivated ? 'user.deactivated' : 'user.updated', entityType: 'staffUser', entityId: id, changes: audited },
        tx,
      );
      return view(saved);
    });
  }

  /**
   * An administrator sets a new password (or has a temporary one issued, returned once): the account
   * must change it at its next login, and every session of the account ends now.
   */
  async resetPassword(actor: AuthenticatedUser, id: string, dto: ResetPasswordDto): Promise<UserView & { temporaryPassword?: string }> {
    const user = await this.users.findById(id);
    if (!user) throw new UserError('USER_NOT_FOUND');
    refuseWeakPassword(dto.password, user.email);
    const temporaryPassword = dto.password ? undefined : randomToken(12);
    const passwordHash = await hashPassword(dto.password ?? temporaryPassword!);
    const reset = await this.uow.run(async (tx) => {
      await this.auth.setPassword(tx, id, passwordHash, true);
      const endedSessions = await this.auth.revokeUserSessions(id, 'passwordReset', { tx });
      await this.audit.record(
        { actor, action: 'user.passwordReset', entityType: 'staffUser', entityId: id, changes: { temporary: !dto.password, endedSessions } },
        tx,
      );
      return (await this.users.findById(id, tx))!;
    });
    return { ...view(reset), ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  /** DELETE deactivates: accounts are never removed, their audit history stays meaningful. */
  deactivate(actor: AuthenticatedUser, id: string): Promise<UserView> {
    return this.update(actor, id, { active: false });
  }
}

/** A password an administrator typed goes through the same policy as one staff choose themselves. */
function refuseWeakPassword(password: string | undefined, email: string): void {
  if (password === undefined) return;
  const problems = passwordPolicyProblems(password, { email });
  if (problems.length) throw weakPasswordError('password', problems);
}
