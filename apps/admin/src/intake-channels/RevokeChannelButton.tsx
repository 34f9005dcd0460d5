import BlockIcon from '@mui/icons-material/Block';
import { useRecordContext, useTranslate } from 'react-admin';
import { ConfirmedDeleteButton } from '../common';
import type { IntakeChannelRecord } from './intakeChannel';

/** 失効: DELETE /api/intake-channels/:id revokes the key (the channel stays, with 失効日時), after a confirmation. */
export const RevokeChannelButton = (_props: { label?: string }) => {
  const record = useRecordContext<IntakeChannelRecord>();
  const translate = useTranslate();
  if (!record || record.revokedAt) return null;
  return (
    <ConfirmedDeleteButton
      label="app.intake_channels.revoke"
      icon={<BlockIcon />}
      confirmTitle={translate('app.intake_channels.revoke_title', { name: record.name })}
      confirmContent="app.intake_channels.revoke_content"
      redirect={false}
      successMessage="app.intake_channels.revoked_done"
    />
  );
};
