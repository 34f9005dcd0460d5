import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { formatYen } from '@jimukyoku/domain';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { formatJst } from '../common/jst';
import { errorCode, reviewApi } from '../review/api';
import type { Ranking, RankingQuery } from '../review/types';

/**
 * 採択を確定 (manager): asks for confirmation with the counts on screen, then commits exactly the
 * simulation shown (its fingerprint). If the scores changed meanwhile the API answers 409
 * RANKING_CHANGED and the user is told to reload. The confirmation warns when the adopted total (this
 * decision and what already holds a 採択) exceeds the 類型's own 予算, and when applications of the
 * round × 類型 are still in 要件確認 or 書面審査 (ranking.standing): the decision would leave them out. While the
 * round still takes applications (ranking.roundStillOpen) it is not offered: the API refuses it (ROUND_STILL_OPEN).
 */
export const CommitDecisionButton = ({
  roundId,
  query,
  ranking,
  disabled = false,
  onCommitted,
  onReload,
}: {
  roundId: string;
  query: RankingQuery;
  ranking: Ranking;
  /** the inputs on screen are not what the ranking shows (an unreadable 予算, a request under way) */
  disabled?: boolean;
  onCommitted: () => void;
  onReload: () => void;
}) => {
  const { canAccess } = useCanAccess({ resource: 'adoption', action: 'create' });
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [changed, setChanged] = useState(false);
  if (!canAccess) return null;
  const t = ranking.simulation.totals;
  const st = ranking.standing;
  const total = st.adoptedAmount + t.adoptedAmount;
  const overspend = st.categoryBudget !== null && total > st.categoryBudget ? total - st.categoryBudget : 0;
  const commit = async () => {
    setRunning(true);
    try {
      await reviewApi.commitDecision(roundId, { ...query, fingerprint: ranking.fingerprint });
      setOpen(false);
      notify('app.review.simulator.committed', { type: 'success' });
      onCommitted();
    } catch (error) {
      setOpen(false);
      if (errorCode(error) === 'RANKING_CHANGED') {
        setChanged(true);
        notify('app.review.simulator.ranking_changed', { type: 'warning' });
      } else notify((error as Error).message, { type: 'error' });
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      {changed && (
        <Alert
          severity="warning"
          data-testid="ranking-changed"
          sx={{ my: 1 }}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                setChanged(false);
                onReload();
              }}
            >
              {translate('app.review.simulator.reload')}
            </Button>
          }
        >
          {translate('app.review.simulator.ranking_changed')}
        </Alert>
      )}
      {ranking.roundStillOpen && (
        <Alert severity="info" data-testid="round-still-open" sx={{ my: 1 }}>
          {translate('app.review.simulator.round_still_open', { deadline: formatJst(ranking.roundDeadline) })}
        </Alert>
      )}
      <Button
        variant="contained"
        color="primary"
        onClick={() => setOpen(true)}
        disabled={t.applied === 0 || running || disabled || ranking.roundStillOpen}
        data-testid="commit-decision"
      >
        {translate('app.review.simulator.commit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('app.review.simulator.commit_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('app.review.simulator.commit_body', { adopted: t.adopted, waitlisted: t.waitlisted, rejected: t.rejected })}
          </DialogContentText>
          {overspend > 0 && (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="warn-overspend">
              {translate('app.review.simulator.warn_overspend', {
                total: formatYen(total),
                already: formatYen(st.adoptedAmount),
                budget: formatYen(st.categoryBudget!),
                over: formatYen(overspend),
              })}
            </Alert>
          )}
          {st.inFormalCheck + st.inReview > 0 && (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="warn-pending">
              {translate('app.review.simulator.warn_pending', {
                // a count of 0 is left out: 「まだ要件確認中の申請が 0件」 warned of nothing
                pending: (
                  [
                    ['pending_formal', st.inFormalCheck],
                    ['pending_review', st.inReview],
                  ] as const
                )
                  .filter(([, n]) => n > 0)
                  .map(([key, n]) => translate(`app.review.simulator.${key}`, { n }))
                  .join('、'),
              })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={commit} disabled={running}>
            {translate('app.review.simulator.commit')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
