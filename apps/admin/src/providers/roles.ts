/**
 * The staff roles that can sign in to the admin (glossary: 事務局 staff). Applicants, intake clients
 * and the system also act in the workflow, but never through this UI.
 */
export const STAFF_ROLES = ['admin', 'manager', 'reviewer', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** The signed-in user as the API returns it from /api/auth/login, /refresh and /me. */
export interface AuthUser {
  id: string | number;
  name: string;
  email: string;
  role: StaffRole;
  mustChangePassword: boolean;
}
