import { useTranslate } from 'react-admin';
import { SecretOnceDialog } from '../common/SecretOnceDialog';
import type { StaffUserRecord } from './userForm';

/** The temporary password the API issued for a new account, shown once (the API keeps only its hash). */
export const TemporaryPasswordDialog = ({ user, onClose }: { user: StaffUserRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <SecretOnceDialog
      secret={user?.temporaryPassword ?? ''}
      title={translate('app.users.temporary_password_title')}
      body={translate('app.users.temporary_password_body', { name: user?.name ?? '', email: user?.email ?? '' })}
      copyLabel={translate('app.users.copy')}
      copiedMessage="app.users.copied"
      testId="temporary-password"
      onClose={onClose}
    />
  );
};
