import { usePermissions, useTranslate } from 'react-admin';
import { isStaffRole } from '../providers/roles';

/** The signed-in user's role as shown in the UI (管理者, 事務局マネージャー, ...), or null before it is known. */
export function useRoleLabel(): string | null {
  const translate = useTranslate();
  const { permissions } = usePermissions<unknown>();
  return isStaffRole(permissions) ? translate(`app.roles.${permissions}`) : null;
}
