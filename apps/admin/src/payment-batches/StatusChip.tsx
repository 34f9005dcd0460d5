import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLOR = { open: 'info', paid: 'success', cancelled: 'default' } as const;

/** 未確定 / 支払済 / 取消. */
export const BatchStatusChip = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ status: keyof typeof COLOR }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLOR[record.status] ?? 'default'}
      label={translate(`app.payment_batches.statuses.${record.status}`, { _: record.status })}
      data-testid="batch-status"
    />
  );
};
