import { useTranslate } from 'react-admin';
import { SecretOnceDialog } from '../common/SecretOnceDialog';
import type { IntakeChannelRecord } from './intakeChannel';

/** The API key of a new channel, shown once (the API keeps only its hash). */
export const ApiKeyDialog = ({ channel, onClose }: { channel: IntakeChannelRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <SecretOnceDialog
      secret={channel?.apiKey ?? ''}
      title={translate('app.intake_channels.key_title')}
      body={translate('app.intake_channels.key_body', { name: channel?.name ?? '' })}
      copyLabel={translate('app.intake_channels.copy')}
      copiedMessage="app.intake_channels.copied"
      testId="api-key"
      onClose={onClose}
    />
  );
};
