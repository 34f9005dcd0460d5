import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify, useTranslate } from 'react-admin';

export interface SecretOnceDialogProps {
  /** the secret; the dialog is open while it is non-empty */
  secret: string;
  title: string;
  body: string;
  copyLabel: string;
  copiedMessage: string;
  testId: string;
  onClose: () => void;
}

/**
 * A secret the API returned once (an API key, a temporary password): shown, selectable and copyable,
 * and gone when the dialog closes (the API keeps only its hash). A backdrop click does not close it.
 */
export const SecretOnceDialog = ({ secret, title, body, copyLabel, copiedMessage, testId, onClose }: SecretOnceDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify(copiedMessage, { type: 'info' });
    } catch {
      // no clipboard (plain http): the secret stays selectable on screen
    }
  };
  return (
    <Dialog open={!!secret} onClose={(_e, reason) => reason !== 'backdropClick' && onClose()} aria-labelledby={`${testId}-title`} maxWidth="md">
      <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{body}</DialogContentText>
        <Box
          component="output"
          data-testid={testId}
          sx={{
            display: 'block',
            p: 1.5,
            fontFamily: 'ui-monospace, monospace',
            fontSize: 18,
            bgcolor: 'action.hover',
            borderRadius: 1,
            userSelect: 'all',
            wordBreak: 'break-all',
            textAlign: 'center',
          }}
        >
          {secret}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {copyLabel}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
