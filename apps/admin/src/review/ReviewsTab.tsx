import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCanAccess, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatScore } from '@jimukyoku/domain';
import { reviewApi, errorCode } from './api';
import type { ApplicationRecord } from '../applications/application';
import type { StaffIdentity } from '../providers/authProvider';
import { reviewsAccess } from './reviewsAccess';
import type { ApplicationReviews } from './types';

/**
 * 審査 tab: every reviewer's scores side by side with the mean, confirmed 加点, spread and the
 * disagreement flag. A reviewer sees it only after submitting their own (403 OWN_SCORE_FIRST; the tab does not
 * ask before then, reviewsAccess);
 * a manager can reopen a submitted sheet, with a reason (audited).
 */
export const ReviewsTab = () => {
  const record = useRecordContext<ApplicationRecord>();
  const { identity } = useGetIdentity();
  const access = reviewsAccess((identity as StaffIdentity | undefined)?.role, identity?.id, record?.assignments ?? []);
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: canReopen } = useCanAccess({ resource: 'review-assignments', action: 'edit' });
  const [reviews, setReviews] = useState<ApplicationReviews | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const t = (k: string, o?: object) => translate(`app.review.reviews.${k}`, o);

  const load = useCallback(() => {
    if (!record?.id || !identity) return;
    if (access !== 'ask') return setError(t(access === 'ownFirst' ? 'own_score_first' : 'not_assigned'));
    reviewApi
      .getReviews(String(record.id))
      .then((r) => {
        setReviews(r);
        setError(null);
      })
      .catch((e: Error) => setError(errorCode(e) === 'OWN_SCORE_FIRST' ? t('own_score_first') : e.message));
  }, [record?.id, identity, access]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(load, [load]);

  if (error)
    return (
      <Alert severity="info" data-testid="reviews-hidden">
        {error}
      </Alert>
    );
  if (!reviews) return <LinearProgress />;
  const s = reviews.summary;
  const reopen = async () => {
    if (!reopening) return;
    try {
      await reviewApi.reopenScoreSheet(reopening, reason.trim());
      notify(t('reopened'), { type: 'success' });
      setReopening(null);
      setReason('');
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack spacing={2} data-testid="reviews">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Chip label={t('submitted', { count: s.submitted })} />
        <Chip label={`${t('mean')}: ${formatScore(s.mean)} / ${formatScore(reviews.rubric.maxTotal)}`} />
        <Chip label={`${t('bonus')}: ${formatScore(s.bonus)}`} />
        <Chip label={`${t('spread')}: ${formatScore(s.spread)}`} />
        {s.disagreement && <Chip color="warning" label={t('disagreement')} />}
      </Stack>
      {reviews.sheets.length === 0 ? (
        <Typography color="text.secondary">{t('none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('reviewer')}</TableCell>
              {reviews.rubric.criteria.map((c) => (
                <TableCell key={c.code} align="right">
                  {c.label}
                </TableCell>
              ))}
              <TableCell align="right">{t('total')}</TableCell>
              <TableCell>{t('status')}</TableCell>
              <TableCell>{t('overall_comment')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {reviews.sheets.map((sheet) => (
              <TableRow key={sheet.assignmentId}>
                <TableCell>{sheet.reviewerName}</TableCell>
                {reviews.rubric.criteria.map((c) => (
                  <TableCell key={c.code} align="right" title={sheet.comments[c.code] ?? ''}>
                    {formatScore(sheet.scores[c.code])}
                  </TableCell>
                ))}
                <TableCell align="right">{formatScore(sheet.total)}</TableCell>
                <TableCell>{translate(`app.review.score_status.${sheet.status}`)}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{sheet.overallComment ?? ''}</TableCell>
                <TableCell>
                  {canReopen && reviews.reopenable && sheet.status === 'submitted' && (
                    <Button size="small" onClick={() => setReopening(sheet.assignmentId)}>
                      {t('reopen')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={reopening !== null} onClose={() => setReopening(null)} fullWidth>
        <DialogTitle>{t('reopen')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline sx={{ mt: 1 }} label={t('reopen_reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReopening(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={reopen} disabled={!reason.trim()}>
            {t('reopen')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
