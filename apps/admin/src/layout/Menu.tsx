import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';
import { MailWebMenuItem } from '../resources/notification-templates';
import { useRoleLabel } from './useRoleLabel';

/** Who is signed in as what, above the menu entries (hidden when the sidebar is collapsed). */
const RoleHeader = () => {
  const translate = useTranslate();
  const label = useRoleLabel();
  const [open] = useSidebarState();
  if (!open || !label) return null;
  return (
    <ListSubheader component="div" disableSticky sx={{ lineHeight: 2.5, bgcolor: 'transparent' }} data-testid="menu-role-label">
      {translate('app.auth.role')}: {label}
    </ListSubheader>
  );
};

/**
 * Dashboard, then one entry per registered <Resource> with a list. react-admin's ResourceMenuItem asks
 * `authProvider.canAccess({ resource, action: 'list' })` for each and hides the ones refused, so a
 * new resource appears only for the roles that providers/canAccess.ts lets list it.
 */
export const Menu = () => (
  <RaMenu>
    <RoleHeader />
    <RaMenu.DashboardItem />
    <RaMenu.ResourceItems />
    <MailWebMenuItem />
  </RaMenu>
);
