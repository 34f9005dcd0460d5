import { STAFF_ROLES, type StaffRole } from '../providers/roles';

/** The role select's choices; react-admin translates the names (管理者, 事務局マネージャー, ...). */
export const roleChoices = STAFF_ROLES.map((role) => ({ id: role, name: `app.roles.${role}` }));

/** A staff account as GET /api/users returns it (never with a password hash). */
export interface StaffUserRecord {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  organisation: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** only in the answer to POST /api/users without a password, once */
  temporaryPassword?: string;
}

/** Body of POST /api/users (CreateUserDto); the API refuses any other property. */
export interface CreateUserBody {
  email: string;
  name: string;
  role: StaffRole;
  organisation?: string;
  password?: string;
}

/** Body of PUT /api/users/:id (UpdateUserDto). */
export interface UpdateUserBody {
  email: string;
  name: string;
  role: StaffRole;
  organisation: string | null;
  active: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The create form → CreateUserDto: no password means "issue a temporary one", so an empty one is left out. */
export function toUserCreate(data: Record<string, unknown>): CreateUserBody {
  const organisation = text(data.organisation);
  const password = typeof data.password === 'string' ? data.password : '';
  return {
    email: text(data.email),
    name: text(data.name),
    role: data.role as StaffRole,
    ...(organisation ? { organisation } : {}),
    ...(password ? { password } : {}),
  };
}

/** The edit form (the whole record) → UpdateUserDto: only what may change; no organisation is null. */
export function toUserUpdate(data: Record<string, unknown>): UpdateUserBody {
  return {
    email: text(data.email),
    name: text(data.name),
    role: data.role as StaffRole,
    organisation: text(data.organisation) || null,
    active: data.active !== false,
  };
}
