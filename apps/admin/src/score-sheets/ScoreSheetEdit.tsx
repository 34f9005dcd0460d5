import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { bonusPoints, formatScore, formatYen } from '@jimukyoku/domain';
import { Loading, Title, useDataProvider, useGetOne, useNotify, useRedirect, useTranslate, useUpdate } from 'react-admin';
import { useParams } from 'react-router';
import { reviewApi } from '../review/api';
import type { ScoreSheet } from '../review/types';
import { bodyOf, draftOf, hasUnsavedChanges, runningTotal, scoreProblems, type Draft } from './scoreSheetForm';
import { ScoreStatusChip } from './ScoreStatusChip';
import { apiErrorMessage } from '../common';
import { isApiRecord } from '../providers/useApi';
import { ApplicantHistoryFlags } from '../history';

/**
 * 採点票: the application in brief, one score and comment per 審査項目 with its scale and weight,
 * the 加点項目 the applicant claimed to confirm, 総評; the weighted total is computed as the
 * reviewer types (runningTotal: libs/domain's weightedTotal, the API's own rule, of the scores the scale accepts). 下書き保存 = PUT, 提出 = POST submit.
 */
export const ScoreSheetEdit = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { data: fetched, isPending, isPlaceholderData, refetch } = useGetOne<ScoreSheet>('score-sheets', { id });
  // the queue's row (no rubric) may stand in for the sheet until the sheet itself arrives
  const sheet = fetched && !isPlaceholderData && fetched.rubric ? fetched : undefined;
  const [update, { isPending: saving }] = useUpdate();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState(false);
  // where to go once the reviewer agrees to leave unsaved input behind (戻る, 次の申請へ)
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // why the last 下書き保存 or 提出 was refused, shown in the action bar beside the buttons (a notification
  // over the bottom of the page covered them while the pointer rested on it); gone with the next edit
  const [refusal, setRefusal] = useState<string | null>(null);
  // the fields in error: while typing (scale), and the empty ones once 提出 was tried
  const [triedSubmit, setTriedSubmit] = useState(false);
  const dataProvider = useDataProvider();
  const [nextId, setNextId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    // 次の申請へ: the reviewer's next open sheet (not submitted, not revoked; nearest 審査期限 first), the API scopes to their own
    let live = true;
    dataProvider
      .getList('score-sheets', { filter: { state: 'open' }, sort: { field: 'dueAt', order: 'ASC' }, pagination: { page: 1, perPage: 50 } })
      .then(({ data }) => {
        if (!live) return;
        const ids = data.map((r) => String(r.id));
        const at = ids.indexOf(id);
        setNextId([...ids.slice(at + 1), ...ids.slice(0, Math.max(at, 0))].find((x) => x !== id) ?? null);
      })
      .catch(() => live && setNextId(null));
    return () => {
      live = false;
    };
  }, [dataProvider, id, sheet?.status]);
  useEffect(() => {
    if (sheet) setDraft(draftOf(sheet));
  }, [sheet]);

  const total = useMemo(() => (sheet && draft ? runningTotal(sheet, draft) : 0), [sheet, draft]);
  const unsaved = !!sheet && !!draft && sheet.editable && hasUnsavedChanges(sheet, draft);
  useEffect(() => {
    // closing or reloading the tab with unsaved input: the browser asks first
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  if (isPending || !sheet || !draft) return <Loading />;
  const editable = sheet.editable;
  const app = sheet.application;
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setRefusal(null);
  };
  const problems = scoreProblems(sheet, draft, triedSubmit);
  const bonus = bonusPoints({ criteria: sheet.rubric.criteria, bonusItems: sheet.rubric.bonusItems }, draft.confirmedBonus);
  /** Goes elsewhere, asking first when the input is not saved. */
  const leave = (go: () => void) => (unsaved ? setLeaving(() => go) : go());
  const toNext = () => nextId && leave(() => redirect('edit', 'score-sheets', nextId));
  const toList = () => leave(() => redirect('list', 'score-sheets'));
  /** Refuses in the form (no request) while a score is off its scale. */
  const checked = (complete: boolean) => {
    const found = scoreProblems(sheet, draft, complete);
    if (Object.keys(found).length === 0) return true;
    setRefusal(Object.values(found).join(' / '));
    return false;
  };

  const save = () =>
    checked(false) &&
    update(
      'score-sheets',
      { id, data: bodyOf(draft) as Partial<ScoreSheet>, previousData: sheet },
      {
        mutationMode: 'pessimistic',
        onSuccess: (saved) => {
          if (!isApiRecord(saved)) return; // a 401 that ended the session (providers/useApi.ts)
          setRefusal(null);
          notify('app.review.form.saved', { type: 'success' });
          refetch();
        },
        onError: (e) => setRefusal(apiErrorMessage(e)),
      },
    );

  const submit = async () => {
    setSubmitting(true);
    try {
      await reviewApi.submitScoreSheet(id, bodyOf(draft));
      setConfirming(false);
      notify('app.review.form.submitted', { type: 'success' });
      redirect('list', 'score-sheets');
    } catch (error) {
      setConfirming(false);
      setRefusal(apiErrorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box sx={{ p: 2, maxWidth: 1100 }} data-testid="score-sheet">
      <Title title={`${app.receiptNumber ?? ''} ${app.applicantName}`} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <ScoreStatusChip source="status" record={sheet} />
            <Typography variant="h6" component="h2">
              {app.receiptNumber ?? '-'}
            </Typography>
            <Typography variant="h6" component="p">
              {app.applicantName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.review.form.category')}: {app.categoryName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.review.form.quoted_amount')}: {app.quotedAmount === null ? '-' : formatYen(app.quotedAmount)}
            </Typography>
          </Stack>
          <Typography variant="subtitle2">{translate('app.review.form.plan_title')}</Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {app.planTitle ?? '-'}
          </Typography>
          <Typography variant="subtitle2">{translate('app.review.form.plan_summary')}</Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="plan-summary">
            {app.planSummary ?? '-'}
          </Typography>
          {(app.expenses?.length ?? 0) > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {translate('app.review.form.plan_expenses')}
              </Typography>
              <Table size="small" data-testid="plan-expenses" sx={{ maxWidth: 800 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.review.form.expense_type')}</TableCell>
                    <TableCell>{translate('app.review.form.expense_description')}</TableCell>
                    <TableCell align="right">{translate('app.review.form.expense_amount')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {app.expenses!.map((e, i) => (
                    <TableRow key={i}>
                      <TableCell>{e.expenseTypeLabel ?? e.expenseType}</TableCell>
                      <TableCell>{e.description ?? '-'}</TableCell>
                      <TableCell align="right">{formatYen(e.amount)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <Button size="small" sx={{ mt: 1 }} href={`#/applications/${app.id}/show`} target="_blank" rel="noopener" data-testid="open-application">
            {translate('app.review.form.open_application')}
          </Button>
        </CardContent>
      </Card>
      <ApplicantHistoryFlags applicationId={app.id} />
      {sheet.reopenReason && sheet.status !== 'submitted' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.review.form.reopened', { reason: sheet.reopenReason })}
        </Alert>
      )}
      {!editable && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="score-sheet-read-only">
          {translate('app.review.form.read_only')}
        </Alert>
      )}

      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('app.review.form.criteria')}
      </Typography>
      <Stack spacing={2} sx={{ mb: 2 }}>
        {sheet.rubric.criteria.map((c) => (
          <Card variant="outlined" key={c.code} data-testid={`criterion-${c.code}`}>
            <CardContent>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 1 }}>
                <Typography variant="subtitle1">{c.label}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.review.form.weight', { weight: c.weight })}
                </Typography>
              </Stack>
              {c.description && (
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {c.description}
                </Typography>
              )}
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                <TextField
                  label={translate('app.review.form.score', { max: c.maxScore })}
                  type="number"
                  size="small"
                  name={`scores.${c.code}`}
                  value={draft.scores[c.code] ?? ''}
                  onChange={(e) => set({ scores: { ...draft.scores, [c.code]: e.target.value } })}
                  slotProps={{ htmlInput: { min: 0, max: c.maxScore, step: 1 } }}
                  disabled={!editable}
                  error={problems[`scores.${c.code}`] !== undefined}
                  helperText={problems[`scores.${c.code}`] ?? translate('app.review.form.score_help', { max: c.maxScore })}
                  sx={{ width: 240 }}
                />
                <TextField
                  label={translate('app.review.form.comment')}
                  size="small"
                  multiline
                  fullWidth
                  name={`comments.${c.code}`}
                  value={draft.comments[c.code] ?? ''}
                  onChange={(e) => set({ comments: { ...draft.comments, [c.code]: e.target.value } })}
                  disabled={!editable}
                />
              </Stack>
            </CardContent>
          </Card>
        ))}
      </Stack>

      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('app.review.form.bonus')}
      </Typography>
      {app.claimedBonusItems.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.review.form.no_bonus')}
        </Typography>
      ) : (
        <Stack sx={{ mb: 2 }}>
          {app.claimedBonusItems.map((b) => (
            <FormControlLabel
              key={b.code}
              disabled={!editable}
              control={
                <Checkbox
                  name={`confirmedBonus.${b.code}`}
                  checked={draft.confirmedBonus.includes(b.code)}
                  onChange={(e) =>
                    set({ confirmedBonus: e.target.checked ? [...draft.confirmedBonus, b.code] : draft.confirmedBonus.filter((x) => x !== b.code) })
                  }
                />
              }
              label={`${b.label} (${translate('app.review.form.bonus_points', { points: b.points })})`}
            />
          ))}
        </Stack>
      )}

      <TextField
        label={translate('app.review.form.overall_comment')}
        name="overallComment"
        multiline
        minRows={3}
        fullWidth
        value={draft.overallComment}
        onChange={(e) => set({ overallComment: e.target.value })}
        disabled={!editable}
        sx={{ mb: 2 }}
      />

      <Card variant="outlined" sx={{ position: 'sticky', bottom: 0, zIndex: 1 }}>
        {refusal && (
          <Alert severity="error" data-testid="sheet-refusal" onClose={() => setRefusal(null)} sx={{ borderRadius: 0 }}>
            {refusal}
          </Alert>
        )}
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', '&:last-child': { pb: 2 } }}>
          <Stack spacing={0}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
              <Typography variant="subtitle1">{translate('app.review.form.running_total')}</Typography>
              <Typography variant="h5" data-testid="running-total" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {translate('app.review.form.total_of', { total: formatScore(total), max: formatScore(sheet.rubric.maxTotal) })}
              </Typography>
            </Stack>
            <Typography variant="caption" color="text.secondary" data-testid="total-bonus-note" title={translate('app.review.form.bonus_in_ranking')}>
              {translate('app.review.form.bonus_not_in_total', { points: formatScore(bonus) })}
            </Typography>
          </Stack>
          <Box sx={{ flex: 1 }} />
          <Button onClick={toList}>{translate('app.review.form.back')}</Button>
          <Button onClick={toNext} disabled={!nextId} data-testid="next-sheet">
            {translate('app.review.form.next')}
          </Button>
          {editable && (
            <>
              <Button variant="outlined" onClick={save} disabled={saving || submitting}>
                {translate('app.review.form.save_draft')}
              </Button>
              <Button
                variant="contained"
                onClick={() => {
                  setTriedSubmit(true);
                  if (checked(true)) setConfirming(true);
                }}
                disabled={saving || submitting}
              >
                {translate('app.review.form.submit')}
              </Button>
            </>
          )}
        </CardContent>
      </Card>

      <Dialog open={leaving !== null} onClose={() => setLeaving(null)} data-testid="unsaved-dialog">
        <DialogTitle>{translate('app.review.form.unsaved_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.review.form.unsaved')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setLeaving(null)}>{translate('app.review.form.unsaved_stay')}</Button>
          <Button
            color="warning"
            onClick={() => {
              const go = leaving;
              setLeaving(null);
              go?.();
            }}
          >
            {translate('app.review.form.unsaved_leave')}
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>{translate('app.review.form.submit_confirm_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.review.form.submit_confirm')}</DialogContentText>
          <DialogContentText sx={{ mt: 1 }}>
            {translate('app.review.form.running_total')}:{' '}
            {translate('app.review.form.total_of', { total: formatScore(total), max: formatScore(sheet.rubric.maxTotal) })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={submitting}>
            {translate('app.review.form.submit')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
