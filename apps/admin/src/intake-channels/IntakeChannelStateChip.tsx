import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { IntakeChannelRecord } from './intakeChannel';

/** 有効 / 失効. */
export const IntakeChannelStateChip = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<IntakeChannelRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const revoked = !!record.revokedAt;
  return (
    <Chip
      size="small"
      color={revoked ? 'default' : 'success'}
      variant={revoked ? 'outlined' : 'filled'}
      label={translate(revoked ? 'app.intake_channels.revoked' : 'app.intake_channels.active')}
      data-testid="channel-state"
    />
  );
};
