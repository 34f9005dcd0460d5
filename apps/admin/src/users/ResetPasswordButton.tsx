import { useState } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useApi } from '../providers/useApi';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';
import type { StaffUserRecord } from './userForm';

/**
 * パスワード再設定 (admin): after a confirmation the API issues a temporary password, shown once;
 * every session of the account ends and it must choose a new password at its next login.
 */
export const ResetPasswordButton = () => {
  const record = useRecordContext<StaffUserRecord>();
  const dataProvider = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [issued, setIssued] = useState<StaffUserRecord | null>(null);
  if (!record?.active) return null;

  const reset = async () => {
    setPending(true);
    try {
      setIssued(await dataProvider.resetUserPassword(record.id));
      setConfirming(false);
    } catch (error) {
      notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.users.reset_password" onClick={() => setConfirming(true)} data-testid="reset-password-button">
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title="app.users.reset_password_title"
        titleTranslateOptions={{ name: record.name }}
        content="app.users.reset_password_content"
        onConfirm={() => void reset()}
        onClose={() => setConfirming(false)}
      />
      <TemporaryPasswordDialog
        user={issued}
        onClose={() => {
          setIssued(null);
          refresh();
        }}
      />
    </>
  );
};
