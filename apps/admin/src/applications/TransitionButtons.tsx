import { useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { HttpError, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { JimukyokuDataProvider } from '../providers/dataProvider';
import type { ApplicationRecord, AvailableTransition } from './application';
import { doneMessage } from './pastTense';

const codeOf = (error: unknown) => (error instanceof HttpError ? (error.body as { code?: string } | undefined)?.code : undefined);

/**
 * One button per transition the API says this user may fire now. A transition that needs a reason
 * (差戻し, 不採択, …) asks for it in a dialog. The request carries the version on screen, so when
 * someone else changed the application first the API answers 409 STALE_VERSION and the page offers
 * a reload instead of acting on stale data.
 */
export const TransitionButtons = () => {
  const record = useRecordContext<ApplicationRecord>();
  const dataProvider = useDataProvider<JimukyokuDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<AvailableTransition | null>(null);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);

  if (!record) return null;
  const transitions = record.transitions ?? [];

  const fire = async (t: AvailableTransition, withReason?: string) => {
    setRunning(t.name);
    try {
      await dataProvider.fireTransition(record.id, t.name, { expectedVersion: record.version, ...(withReason ? { reason: withReason } : {}) });
      setAsking(null);
      setReason('');
      setStale(null);
      notify(doneMessage(t.label), { type: 'success' });
      refresh();
    } catch (error) {
      const message = (error as Error).message;
      if (codeOf(error) === 'STALE_VERSION') {
        setAsking(null);
        setStale(message);
        notify(`${message} ${translate('app.applications.actions.stale')}`, { type: 'warning' });
      } else {
        notify(message, { type: 'error' });
      }
    } finally {
      setRunning(null);
    }
  };

  const reload = () => {
    setStale(null);
    refresh();
  };

  return (
    <>
      {stale && (
        <Alert
          severity="warning"
          data-testid="stale-version"
          sx={{ mb: 1 }}
          action={
            <MuiButton color="inherit" size="small" onClick={reload}>
              {translate('app.applications.actions.reload')}
            </MuiButton>
          }
        >
          {stale} {translate('app.applications.actions.stale')}
        </Alert>
      )}
      {transitions.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="no-transitions">
          {translate('app.applications.actions.none')}
        </Typography>
      ) : (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="transition-buttons">
          {transitions.map((t) => (
            <MuiButton
              key={t.name}
              variant={t.requiresReason ? 'outlined' : 'contained'}
              color={t.requiresReason ? 'warning' : 'primary'}
              disabled={!!running}
              onClick={() => (t.requiresReason ? setAsking(t) : fire(t))}
              title={t.toLabel ? `→ ${t.toLabel}` : undefined}
            >
              {t.label}
            </MuiButton>
          ))}
        </Stack>
      )}
      <Dialog open={!!asking} onClose={() => !running && setAsking(null)} aria-labelledby="transition-reason-title" fullWidth maxWidth="sm">
        <DialogTitle id="transition-reason-title">{translate('app.applications.actions.confirm_title', { label: asking?.label ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate('app.applications.actions.confirm_body', { from: record.statusLabel, to: asking?.toLabel ?? asking?.to ?? '' })}
          </DialogContentText>
          <TextField
            name="reason"
            label={translate('app.applications.actions.reason')}
            helperText={translate('app.applications.actions.reason_help')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            minRows={3}
            fullWidth
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setAsking(null)} disabled={!!running}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" color="warning" disabled={!reason.trim() || !!running} onClick={() => asking && fire(asking, reason.trim())}>
            {asking?.label ?? translate('app.applications.actions.run')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
