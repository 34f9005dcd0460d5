import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { Button, Form, SaveButton, TextInput, email, useCanAccess, useCreatePath, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { isResendable } from '@jimukyoku/domain';
import { useApi } from '../providers/useApi';
import type { NotificationRecord } from './notification';

/**
 * 再送 (manager only: notifications.resend), offered for a notice that went out, failed or is 要確認 (isResendable):
 * a dialog with an optional corrected 宛先, then
 * POST /api/notifications/:id/resend, which records a new notification; the page moves to it.
 */
export const ResendButton = () => {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const dataProvider = useApi();
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'resend' });
  const [open, setOpen] = useState(false);
  const [isPending, setPending] = useState(false);
  const mutate = async (recipient: string | undefined) => {
    if (!record) return;
    setPending(true);
    try {
      const created = await dataProvider.resendNotification(record.id, recipient ? { recipient } : {});
      setOpen(false);
      notify('app.notifications.resent', { type: 'success' });
      navigate(createPath({ resource: 'notifications', id: created.id, type: 'show' }));
    } catch (error) {
      notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  // held for the 採択発表, cancelled by a later decision or still on its way: not sent again (the API refuses it too)
  if (!record || !canAccess || !isResendable(record.status)) return null;
  return (
    <>
      <Button label="app.notifications.resend" onClick={() => setOpen(true)} data-testid="resend-button">
        <SendIcon />
      </Button>
      <Dialog open={open} onClose={() => !isPending && setOpen(false)} fullWidth maxWidth="sm">
        <Form
          record={{ recipient: '' }}
          onSubmit={(values: Record<string, unknown>) => void mutate(((values.recipient as string | undefined) ?? '').trim() || undefined)}
        >
          <DialogTitle>{translate('app.notifications.resend_title')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('app.notifications.resend_content', { recipient: record.recipient })}</DialogContentText>
            <TextInput
              source="recipient"
              label="app.notifications.corrected_recipient"
              helperText="app.notifications.corrected_recipient_help"
              validate={email()}
              type="email"
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={isPending} />
            <SaveButton label="app.notifications.resend" icon={<SendIcon />} alwaysEnable={!isPending} disabled={isPending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
