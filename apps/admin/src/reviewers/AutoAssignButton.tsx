import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import { Button, useCanAccess, useGetMany, useGetOne, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { jstInputToInstant } from '../common';
import { reviewApi } from '../review/api';
import type { AssignmentPurpose, AutoAssignResult } from '../review/types';
import type { RoundRecord } from '../rounds/round';

/**
 * 自動割当 for the round chosen in the board's filter: 要件確認 (one reviewer) or 書面審査 (the
 * rubric's number), optionally one category and a due date. The result lists every application that
 * could not be filled, with the API's Japanese reason (上限件数, 利益相反, too few reviewers).
 */
export const AutoAssignButton = () => {
  const { filterValues } = useListContext();
  const roundId = (filterValues as { roundId?: string }).roundId;
  const { canAccess } = useCanAccess({ resource: 'review-assignments', action: 'create' });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState<AssignmentPurpose>('review');
  const [categoryId, setCategoryId] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const { data: round } = useGetOne<RoundRecord>('rounds', { id: roundId ?? '' }, { enabled: !!roundId });
  const ids = round?.categories.map((c) => c.categoryId) ?? [];
  const { data: categories = [] } = useGetMany<{ id: string; name: string }>('categories', { ids }, { enabled: ids.length > 0 });
  if (!canAccess) return null;
  const t = (k: string, o?: object) => translate(`app.review.board.${k}`, o);

  const run = async () => {
    if (!roundId) return;
    setRunning(true);
    try {
      const due = dueAt ? jstInputToInstant(dueAt) : undefined;
      const r = await reviewApi.autoAssign(roundId, { purpose, ...(categoryId ? { categoryId } : {}), ...(due ? { dueAt: due } : {}) });
      setResult(r);
      notify(t('result', { applications: r.applications, assigned: r.assigned }), { type: r.unfilled.length ? 'warning' : 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button
        label="app.review.board.auto_assign"
        onClick={() => {
          setResult(null);
          setOpen(true);
        }}
        disabled={!roundId}
        data-testid="auto-assign"
      >
        <AutoFixHighIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>
          {t('auto_assign_title')}
          {round ? ` — ${round.title}` : ''}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <FormControl size="small">
              <InputLabel id="aa-purpose">{t('purpose')}</InputLabel>
              <Select labelId="aa-purpose" label={t('purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as AssignmentPurpose)}>
                <MenuItem value="review">{translate('app.review.purpose.review')}</MenuItem>
                <MenuItem value="formalCheck">{translate('app.review.purpose.formalCheck')}</MenuItem>
              </Select>
            </FormControl>
            <FormControl size="small">
              <InputLabel id="aa-category">{t('category')}</InputLabel>
              <Select labelId="aa-category" label={t('category')} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
                <MenuItem value="">-</MenuItem>
                {categories.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.name}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <TextField
              size="small"
              type="datetime-local"
              label={t('due_at')}
              value={dueAt}
              onChange={(e) => setDueAt(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              helperText={translate('app.common.jst_hint')}
            />
          </Stack>
          {result && (
            <Stack sx={{ mt: 2 }} data-testid="auto-assign-result">
              <Alert severity={result.unfilled.length ? 'warning' : 'success'}>
                {t('result', { applications: result.applications, assigned: result.assigned })}
                {result.unfilled.length === 0 ? ` ${t('all_filled')}` : ''}
              </Alert>
              {result.unfilled.length > 0 && (
                <>
                  <Typography variant="subtitle2" sx={{ mt: 1 }}>
                    {t('unfilled')} ({result.unfilled.length})
                  </Typography>
                  <List dense sx={{ maxHeight: 300, overflow: 'auto' }}>
                    {result.unfilled.map((u) => (
                      <ListItem key={u.applicationId} disableGutters>
                        <ListItemText
                          primary={u.reason}
                          secondary={`${u.receiptNumber ?? u.applicationId} ${u.applicantName} — ${t('missing', { missing: u.missing })}`}
                        />
                      </ListItem>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.close')}</MuiButton>
          <MuiButton variant="contained" onClick={run} disabled={running || !roundId}>
            {t('run')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
