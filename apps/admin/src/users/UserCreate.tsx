import { useState } from 'react';
import { Create, email, PasswordInput, required, SelectInput, SimpleForm, TextInput, useNotify, useRedirect } from 'react-admin';
import { isApiRecord } from '../providers';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import { roleChoices, toUserCreate, type StaffUserRecord } from './userForm';

/**
 * A new staff account. Without a password the API issues a temporary one and returns it once: it is
 * shown in a dialog, then the page moves on to the account and the password is gone from the UI.
 */
export const UserCreate = () => {
  const [created, setCreated] = useState<StaffUserRecord | null>(null);
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (user: StaffUserRecord) => {
    if (!isApiRecord(user)) return; // a 401 that ended the session (providers/useApi.ts)
    notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
    if (user.temporaryPassword) setCreated(user);
    else redirect('list', 'users');
  };
  return (
    <>
      <Create transform={toUserCreate} mutationOptions={{ onSuccess }}>
        <SimpleForm sx={{ maxWidth: 560 }}>
          <TextInput source="name" validate={required()} fullWidth />
          <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
          <SelectInput source="role" choices={roleChoices} validate={required()} />
          <TextInput source="organisation" fullWidth helperText="app.users.organisation_help" />
          <PasswordInput source="password" autoComplete="new-password" fullWidth helperText="app.users.password_help" />
        </SimpleForm>
      </Create>
      <TemporaryPasswordDialog
        user={created}
        onClose={() => {
          setCreated(null);
          redirect('list', 'users');
        }}
      />
    </>
  );
};
