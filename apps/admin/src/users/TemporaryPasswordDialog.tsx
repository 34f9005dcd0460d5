import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify, useTranslate } from 'react-admin';
import type { StaffUserRecord } from './userForm';

/**
 * The temporary password the API issued for a new account, shown once: it is kept only in the
 * create page's state and gone when this dialog closes (the API stores only its hash).
 */
export const TemporaryPasswordDialog = ({ user, onClose }: { user: StaffUserRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const password = user?.temporaryPassword ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      notify('app.users.copied', { type: 'info' });
    } catch {
      // no clipboard (plain http): the password stays selectable on screen
    }
  };
  return (
    <Dialog open={!!user?.temporaryPassword} onClose={(_e, reason) => reason !== 'backdropClick' && onClose()} aria-labelledby="temporary-password-title">
      <DialogTitle id="temporary-password-title">{translate('app.users.temporary_password_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.users.temporary_password_body', { name: user?.name ?? '', email: user?.email ?? '' })}</DialogContentText>
        <Box
          component="output"
          data-testid="temporary-password"
          sx={{ display: 'block', p: 1.5, fontFamily: 'ui-monospace, monospace', fontSize: 20, letterSpacing: 1, bgcolor: 'action.hover', borderRadius: 1, userSelect: 'all', textAlign: 'center' }}
        >
          {password}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate('app.users.copy')}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
