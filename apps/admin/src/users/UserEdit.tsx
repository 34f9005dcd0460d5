import BlockIcon from '@mui/icons-material/Block';
import { Alert, Stack } from '@mui/material';
import {
  BooleanInput,
  Edit,
  email,
  Labeled,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ConfirmedDeleteButton, JstDateField, useConfirmedSave } from '../common';
import { ResetPasswordButton } from './ResetPasswordButton';
import { roleChoices, toUserUpdate, type StaffUserRecord } from './userForm';

/**
 * DELETE /api/users/:id deactivates (the account and its history stay), so the delete button is
 * 無効化 with a confirmation, and only on an active account other than one's own.
 */
const DeactivateButton = () => {
  const record = useRecordContext<StaffUserRecord>();
  const { identity } = useGetIdentity();
  // one's own account is not offered: the API refuses it (「自分自身のアカウントは無効化できません。」)
  if (!record?.active || (identity && String(identity.id) === String(record.id))) return null;
  return (
    <ConfirmedDeleteButton
      label="app.users.deactivate"
      icon={<BlockIcon />}
      confirmTitle="app.users.deactivate_title"
      confirmContent="app.users.deactivate_content"
      titleTranslateOptions={{ name: record.name }}
      successMessage="app.users.deactivated"
    />
  );
};

const UserEditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <Stack direction="row" spacing={1}>
      <ResetPasswordButton />
      <DeactivateButton />
    </Stack>
  </Toolbar>
);

const PendingPasswordChange = () => {
  const record = useRecordContext<StaffUserRecord>();
  const translate = useTranslate();
  return record?.mustChangePassword ? (
    <Alert severity="info" sx={{ mb: 1 }}>
      {translate('app.users.must_change_password')}
    </Alert>
  ) : null;
};

/**
 * ロール and 有効 of one's own account are not offered: the API refuses both (「自分自身の管理者権限は外せません。」,
 * 「自分自身のアカウントは無効化できません。」), so they are shown disabled, with why.
 */
const RoleAndActiveInputs = () => {
  const record = useRecordContext<StaffUserRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const own = !!record && !!identity && String(identity.id) === String(record.id);
  const why = own ? translate('app.users.own_account_locked') : undefined;
  return (
    <>
      <SelectInput source="role" choices={roleChoices} validate={required()} disabled={own} helperText={why} />
      <BooleanInput source="active" disabled={own} helperText={why} />
    </>
  );
};

/** Pessimistic, so the API's refusals (own account, e-mail taken) land on the form before leaving it. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={toUserUpdate} mutationOptions={useConfirmedSave('ra.notification.updated', 'list')}>
    <SimpleForm toolbar={<UserEditToolbar />} sx={{ maxWidth: 560 }}>
      <PendingPasswordChange />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
      <RoleAndActiveInputs />
      <TextInput source="organisation" fullWidth />
      <Labeled>
        <JstDateField source="lastLoginAt" emptyText="-" />
      </Labeled>
    </SimpleForm>
  </Edit>
);
