/** Staff roles. Intake channels authenticate with API keys, not as staff (see the intake module). */
export const STAFF_ROLES = ['admin', 'manager', 'reviewer', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// Their Japanese names are the workflow's ROLE_LABELS (@jimukyoku/workflow), the one list refusals use.

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
