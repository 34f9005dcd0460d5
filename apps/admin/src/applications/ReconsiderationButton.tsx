import { useState } from 'react';
import {
  Button as MuiButton,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { formatYen } from '@jimukyoku/domain';
import { useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../common';
import { useApi } from '../providers/useApi';

/** What GET /api/applications/:id answers about 別の類型で再審査 (docs/reconsideration.md). */
interface ReconsiderationFields {
  id: string;
  version: number;
  categoryId: string;
  /** the 類型 this user may move it to now; empty: no button */
  reconsiderationTargets?: { categoryId: string; code: string; name: string }[];
  /** the 類型 it was moved out of, if it was */
  reconsideredFrom?: { categoryId: string; name: string } | null;
}

/** 「再審査（元の類型: …）」 on a moved application. */
export const ReconsideredFromChip = () => {
  const record = useRecordContext<ReconsiderationFields>();
  const translate = useTranslate();
  if (!record?.reconsideredFrom) return null;
  return (
    <Chip
      size="small"
      color="info"
      variant="outlined"
      data-testid="reconsidered-from"
      label={translate('app.reconsideration.moved_from', { name: record.reconsideredFrom.name })}
    />
  );
};

/**
 * 「別の類型で再審査」: for a manager, while the API offers targets (a special 枠's 審査完了 or 補欠), asks for
 * the 類型 and the reason and confirms what will happen before moving the application.
 */
export const ReconsiderationButton = () => {
  const record = useRecordContext<ReconsiderationFields>();
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.reconsideration.${k}`, o);
  const dataProvider = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const targets = record?.reconsiderationTargets ?? [];
  const { data: from } = useGetOne<{ id: string; name: string }>('categories', { id: record?.categoryId ?? '' }, { enabled: targets.length > 0 });
  if (!record || targets.length === 0) return null;

  const start = () => {
    setTarget(targets.length === 1 ? targets[0]!.categoryId : '');
    setReason('');
    setOpen(true);
  };
  const submit = async () => {
    setRunning(true);
    try {
      const done = await dataProvider.reconsider(record.id, { categoryId: target, reason: reason.trim(), expectedVersion: record.version });
      setOpen(false);
      notify(t('done', { to: done.to.name, amount: formatYen(done.quotedAmount) }), { type: 'success' });
      refresh();
    } catch (error) {
      notify(apiErrorMessage(error), { type: 'error' });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <MuiButton variant="outlined" color="secondary" onClick={start} data-testid="reconsider-button">
        {t('button')}
      </MuiButton>
      <Dialog open={open} onClose={() => !running && setOpen(false)} aria-labelledby="reconsider-title" fullWidth maxWidth="sm">
        <DialogTitle id="reconsider-title">{t('title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('body', { from: from?.name ?? '' })}</DialogContentText>
          <RadioGroup name="categoryId" value={target} onChange={(e) => setTarget(e.target.value)} aria-label={t('target')}>
            {targets.map((x) => (
              <FormControlLabel key={x.categoryId} value={x.categoryId} control={<Radio />} label={x.name} />
            ))}
          </RadioGroup>
          <TextField
            name="reason"
            label={t('reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            minRows={3}
            fullWidth
            sx={{ mt: 2 }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={running}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" color="warning" disabled={!target || !reason.trim() || running} onClick={submit} data-testid="confirm-reconsider">
            {t('confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
