import { useState } from 'react';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { Button, Form, SaveButton, TextInput, required, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApi } from '../providers/useApi';
import type { NotificationRecord } from './notification';

/**
 * 配信を確認済みにする (manager, only for 要確認): when the relay's log or the applicant confirms the
 * mail arrived, the notification is recorded as sent — not sent again — with the evidence in the audit log.
 */
export const ConfirmDeliveredButton = () => {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useApi();
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'resend' });
  const [open, setOpen] = useState(false);
  const [isPending, setPending] = useState(false);
  const confirm = async (note: string) => {
    if (!record) return;
    setPending(true);
    try {
      await dataProvider.confirmDelivered(record.id, { note });
      setOpen(false);
      notify('app.notifications.confirmed_delivered', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  if (!record || !canAccess || record.status !== 'uncertain') return null;
  return (
    <>
      <Button label="app.notifications.confirm_delivered" onClick={() => setOpen(true)} data-testid="confirm-delivered-button">
        <TaskAltIcon />
      </Button>
      <Dialog open={open} onClose={() => !isPending && setOpen(false)} fullWidth maxWidth="sm">
        <Form record={{ note: '' }} onSubmit={(values: Record<string, unknown>) => void confirm(String(values.note ?? '').trim())}>
          <DialogTitle>{translate('app.notifications.confirm_delivered')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('app.notifications.confirm_delivered_content')}</DialogContentText>
            <TextInput source="note" label="app.notifications.confirm_delivered_note" validate={required()} multiline fullWidth />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={isPending} />
            <SaveButton label="app.notifications.confirm_delivered" icon={<TaskAltIcon />} alwaysEnable={!isPending} disabled={isPending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
