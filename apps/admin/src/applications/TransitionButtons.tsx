import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { formatYen } from '@jimukyoku/domain';
import { HttpError, Link, useCreatePath, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatCalendarDate } from '../common/jst';
import { useApi } from '../providers/useApi';
import { useWorkflowStates } from '../workflows/useWorkflowStates';
import type { ApplicationRecord, AvailableTransition, BudgetEffect } from './application';
import { doneMessage } from './pastTense';

/**
 * The 類型's 予算 before and after a decision: 予算, 採択済, this application's amount and what remains
 * if it is adopted (`adopts`), or that the remainder does not change (補欠, 不採択).
 */
const BudgetEffectTable = ({ effect, adopts }: { effect: BudgetEffect; adopts: boolean }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.applications.actions.${k}`, o);
  const remaining = effect.budget === null ? null : effect.budget - effect.adoptedAmount - (adopts ? effect.amount : 0);
  return (
    <>
      <Typography variant="subtitle2">{t('budget_title')}</Typography>
      <Table size="small" data-testid="budget-effect" sx={{ mb: 2 }}>
        <TableBody>
          <TableRow>
            <TableCell>{t('budget')}</TableCell>
            <TableCell align="right" data-testid="budget-effect-budget">
              {effect.budget === null ? t('budget_none') : formatYen(effect.budget)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{t('budget_adopted')}</TableCell>
            <TableCell align="right" data-testid="budget-effect-adopted">
              {formatYen(effect.adoptedAmount)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{t('budget_this')}</TableCell>
            <TableCell align="right" data-testid="budget-effect-amount">
              {formatYen(effect.amount)}
            </TableCell>
          </TableRow>
          {remaining !== null && (
            <TableRow>
              <TableCell>{adopts ? t('budget_after') : t('budget_unchanged')}</TableCell>
              <TableCell align="right" data-testid="budget-effect-remaining" sx={{ color: remaining < 0 ? 'error.main' : undefined, fontWeight: 'bold' }}>
                {remaining < 0 ? t('budget_over', { amount: formatYen(-remaining) }) : formatYen(remaining)}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </>
  );
};

const codeOf = (error: unknown) => (error instanceof HttpError ? (error.body as { code?: string } | undefined)?.code : undefined);

/**
 * One button per transition the API says this user may fire now. Each asks for confirmation in a dialog naming
 * the state it leaves and the state it enters (a state change notifies the applicant or moves money, and one
 * click once fixed an amount with nothing asked); a transition that needs a reason (差戻し, 不採択, …) asks for it
 * there. While a decision is on offer (採択, 補欠, 不採択, 繰上げ採択) the dialog shows the 類型's 予算 before and
 * after, and a 採択 the API would refuse without one (before the 応募締切, beyond the 予算) says why and asks for
 * the manager's reason. The request carries the version on screen, so when someone else changed the application
 * first the API answers 409 STALE_VERSION and the page offers a reload instead of acting on stale data.
 */
export const TransitionButtons = () => {
  const record = useRecordContext<ApplicationRecord>();
  const dataProvider = useApi();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<AvailableTransition | null>(null);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const { byCode } = useWorkflowStates();
  const createPath = useCreatePath();

  if (!record) return null;
  const transitions = record.transitions ?? [];
  const effect = record.budgetEffect ?? null;
  /** a transition into a state that holds a 採択 slot spends the 予算 */
  const adopts = (t: AvailableTransition) => byCode.get(t.to)?.tags.includes('holdsSlot') ?? false;

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
        // the API says what happened and what to do (「この申請は他の操作で更新されました。画面を更新して…」): said once
        notify(message, { type: 'warning' });
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
          {stale}
        </Alert>
      )}
      {record.paymentBatch ? (
        <Alert
          severity="info"
          data-testid="transitions-held-by-batch"
          action={
            <Link to={createPath({ resource: 'payment-batches', id: record.paymentBatch.id, type: 'show' })}>
              {translate('app.applications.actions.open_payment_batch')}
            </Link>
          }
        >
          {translate('app.applications.actions.in_payment_batch', { date: formatCalendarDate(record.paymentBatch.transferDate) })}
        </Alert>
      ) : transitions.length === 0 ? (
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
              onClick={() => setAsking(t)}
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
          {effect && asking && <BudgetEffectTable effect={effect} adopts={adopts(asking)} />}
          {asking?.overrideReasons?.map((message) => (
            <Alert severity="warning" key={message} sx={{ mb: 2 }} data-testid="override-reason">
              {message}
            </Alert>
          ))}
          {asking?.requiresReason && (
            <TextField
              name="reason"
              label={translate('app.applications.actions.reason')}
              helperText={translate(asking.overrideReasons?.length ? 'app.applications.actions.override_help' : 'app.applications.actions.reason_help')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              multiline
              minRows={3}
              fullWidth
              autoFocus
            />
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setAsking(null)} disabled={!!running}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            color="warning"
            disabled={(!!asking?.requiresReason && !reason.trim()) || !!running}
            onClick={() => asking && fire(asking, asking.requiresReason ? reason.trim() : undefined)}
            data-testid="confirm-transition"
          >
            {asking?.label ?? translate('app.applications.actions.run')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
