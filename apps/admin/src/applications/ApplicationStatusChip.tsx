import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { statusColor, type ApplicationRecord } from './application';

/** 状態 as the API labels it (statusLabel from the application's workflow), coloured by how far along it is. */
export const ApplicationStatusChip = ({ size = 'small' }: { label?: string; sortBy?: string; sortable?: boolean; size?: 'small' | 'medium' }) => {
  const record = useRecordContext<ApplicationRecord>();
  if (!record?.status) return null;
  const color = statusColor(record.status);
  return <Chip size={size} color={color} variant={color === 'default' ? 'outlined' : 'filled'} label={record.statusLabel || record.status} title={record.status} data-testid="application-status" />;
};
