import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useWorkflowStates } from '../workflows/useWorkflowStates';
import { toneColor } from '../workflows/workflowStates';
import type { ApplicationRecord } from './application';

/** 状態 as the API labels it (statusLabel from the application's workflow), coloured by the state's tone (GET /api/workflows). */
export const ApplicationStatusChip = ({ size = 'small' }: { label?: string; sortBy?: string; sortable?: boolean; size?: 'small' | 'medium' }) => {
  const record = useRecordContext<ApplicationRecord>();
  const { byCode } = useWorkflowStates();
  if (!record?.status) return null;
  const color = toneColor(byCode.get(record.status)?.tone);
  return (
    <Chip
      size={size}
      color={color}
      variant={color === 'default' ? 'outlined' : 'filled'}
      label={record.statusLabel || record.status}
      title={record.status}
      data-testid="application-status"
    />
  );
};
