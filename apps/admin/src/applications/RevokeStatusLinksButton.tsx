import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../common';
import { useApi } from '../providers/useApi';

/**
 * 「申請状況リンクを無効化」: a manager revokes every status-page link sent for this application (README "Status
 * page"), after saying what it does; the API audits it and the next mail carries a new link.
 */
export const RevokeStatusLinksButton = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.status_links.${k}`, o);
  const dataProvider = useApi();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'status-links', action: 'delete' });
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  if (!record || !canAccess) return null;

  const revoke = async () => {
    setRunning(true);
    try {
      const done = await dataProvider.revokeStatusLinks(String(record.id));
      setOpen(false);
      notify(t('done', { smart_count: done.revoked }), { type: 'success' });
    } catch (error) {
      notify(apiErrorMessage(error), { type: 'error' });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <MuiButton size="small" color="warning" variant="outlined" data-testid="revoke-status-links" onClick={() => setOpen(true)}>
        {t('revoke')}
      </MuiButton>
      <Dialog open={open} onClose={() => !running && setOpen(false)} aria-labelledby="revoke-status-links-title">
        <DialogTitle id="revoke-status-links-title">{t('title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('body')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={running}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton color="warning" variant="contained" onClick={revoke} disabled={running}>
            {t('confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
