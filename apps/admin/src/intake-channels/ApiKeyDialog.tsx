import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useNotify, useTranslate } from 'react-admin';
import type { IntakeChannelRecord } from './intakeChannel';

/**
 * The API key of a new channel, shown once: the API keeps only its hash, and the key lives only in
 * the create page's state until this dialog closes.
 */
export const ApiKeyDialog = ({ channel, onClose }: { channel: IntakeChannelRecord | null; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const apiKey = channel?.apiKey ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      notify('app.intake_channels.copied', { type: 'info' });
    } catch {
      // no clipboard (plain http): the key stays selectable on screen
    }
  };
  return (
    <Dialog open={!!apiKey} onClose={(_e, reason) => reason !== 'backdropClick' && onClose()} aria-labelledby="api-key-title" maxWidth="md">
      <DialogTitle id="api-key-title">{translate('app.intake_channels.key_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.intake_channels.key_body', { name: channel?.name ?? '' })}</DialogContentText>
        <Box
          component="output"
          data-testid="api-key"
          sx={{ display: 'block', p: 1.5, fontFamily: 'ui-monospace, monospace', fontSize: 16, bgcolor: 'action.hover', borderRadius: 1, userSelect: 'all', wordBreak: 'break-all' }}
        >
          {apiKey}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate('app.intake_channels.copy')}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
