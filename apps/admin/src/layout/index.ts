export { Layout } from './Layout';
export { RoleChip } from './RoleChip';
export { useRoleLabel } from './useRoleLabel';
export { TopNotification } from './TopNotification';
