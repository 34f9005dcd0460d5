import { Chip, type ChipProps } from '@mui/material';
import BadgeIcon from '@mui/icons-material/Badge';
import { useTranslate } from 'react-admin';
import { useRoleLabel } from './useRoleLabel';

/** A small "役割: 審査員" badge; renders nothing until the role is known. */
export const RoleChip = (props: Omit<ChipProps, 'label'>) => {
  const translate = useTranslate();
  const label = useRoleLabel();
  if (!label) return null;
  return (
    <Chip
      icon={<BadgeIcon />}
      label={label}
      size="small"
      variant="outlined"
      title={`${translate('app.auth.role')}: ${label}`}
      aria-label={`${translate('app.auth.role')}: ${label}`}
      data-testid="role-label"
      {...props}
    />
  );
};
