import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { RoundRecord, RoundStatus } from './round';

const COLOR: Record<RoundStatus, ChipProps['color']> = { upcoming: 'info', open: 'success', closed: 'default' };

/** 受付前 / 受付中 / 締切済, as the API computed it from the database clock. */
export const RoundStatusChip = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<RoundRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip
      size="small"
      color={COLOR[record.status] ?? 'default'}
      variant={record.status === 'closed' ? 'outlined' : 'filled'}
      label={translate(`app.rules.round_status.${record.status}`, { _: record.status })}
      data-testid="round-status"
    />
  );
};
