/** Staff roles. Intake channels authenticate with API keys, not as staff (see the intake module). */
export const STAFF_ROLES = ['admin', 'manager', 'reviewer', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: '管理者',
  manager: '事務局マネージャー',
  reviewer: '審査員',
  auditor: '監査担当',
};

/** Who is calling, as the guards resolved it (req.user). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  organisation: string | null;
  sessionId: string;
  mustChangePassword: boolean;
}
