import { useState } from 'react';
import { Create, maxLength, required, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import { isApiRecord } from '../providers';
import { ApiKeyDialog } from './ApiKeyDialog';
import type { IntakeChannelRecord } from './intakeChannel';

/** A new 受付窓口: the API answers with its API key once; it is shown in a dialog, then gone. */
export const IntakeChannelCreate = () => {
  const [created, setCreated] = useState<IntakeChannelRecord | null>(null);
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (channel: IntakeChannelRecord) => {
    if (!isApiRecord(channel)) return; // a 401 that ended the session (providers/useApi.ts)
    notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
    if (channel.apiKey) setCreated(channel);
    else redirect('list', 'intake-channels');
  };
  return (
    <>
      <Create transform={(data: { name?: string }) => ({ name: (data.name ?? '').trim() })} mutationOptions={{ onSuccess }}>
        <SimpleForm sx={{ maxWidth: 560 }}>
          <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
        </SimpleForm>
      </Create>
      <ApiKeyDialog
        channel={created}
        onClose={() => {
          setCreated(null);
          redirect('list', 'intake-channels');
        }}
      />
    </>
  );
};
