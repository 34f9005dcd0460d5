import { useState } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Button, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatJst } from '../common';
import { count, linkedBar, useAppHref } from './chartLinks';
import { listOf, remindReviewer, type RoundPipeline } from './pipeline';
import { shareDown } from './share';

type Reviewer = RoundPipeline['reviewers'][number];
interface Row extends Reviewer {
  /** open and not yet due */
  waiting: number;
}

/**
 * 書面審査 per reviewer: submitted, still open, overdue (stacked; each part links to that reviewer's
 * assignments in that state), and for each reviewer with overdue reviews a 催促 (managers) that mails them
 * that those are past their 審査期限 (reviewOverdue).
 */
export const ReviewerProgress = ({ round }: { round: RoundPipeline }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.dashboard.pipeline.${k}`, o);
  const href = useAppHref();
  const rows: Row[] = round.reviewers.map((r) => ({ ...r, waiting: r.assigned - r.submitted - r.overdue }));
  const part = (state: 'submitted' | 'open' | 'overdue', key: 'submitted' | 'waiting' | 'overdue') =>
    linkedBar<Row>(
      (r) => href(listOf('review-assignments', { roundId: round.roundId, reviewerId: r.reviewerId, purpose: 'review', state })),
      (r) => `${r.name} ${t(`sheets_${key}`)} ${count(r[key])}`,
      `reviewer-${key}-bar`,
    );
  const late = rows.filter((r) => r.overdue > 0);
  return (
    <Box data-testid="reviewer-progress">
      <Typography variant="subtitle2">
        {t('review_progress', {
          submitted: round.review.sheetsSubmitted,
          total: round.review.sheetsSubmitted + round.review.sheetsOpen,
          rate: shareDown(round.review.sheetsSubmitted, round.review.sheetsSubmitted + round.review.sheetsOpen) ?? 0,
        })}
      </Typography>
      <ResponsiveContainer width="100%" height={Math.max(90, rows.length * 26 + 48)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="name" width={150} fontSize={12} interval={0} />
          <Tooltip />
          <Legend />
          <Bar dataKey="submitted" stackId="s" name={t('sheets_submitted')} fill="#2e7d32" isAnimationActive={false} shape={part('submitted', 'submitted')} />
          <Bar dataKey="waiting" stackId="s" name={t('sheets_waiting')} fill="#90caf9" isAnimationActive={false} shape={part('open', 'waiting')} />
          <Bar dataKey="overdue" stackId="s" name={t('sheets_overdue')} fill="#d32f2f" isAnimationActive={false} shape={part('overdue', 'overdue')} />
        </BarChart>
      </ResponsiveContainer>
      {late.length > 0 && (
        <Stack spacing={0.5} data-testid="overdue-reviewers">
          {late.map((r) => (
            <OverdueReviewer key={r.reviewerId} round={round} reviewer={r} />
          ))}
        </Stack>
      )}
    </Box>
  );
};

const OverdueReviewer = ({ round, reviewer }: { round: RoundPipeline; reviewer: Reviewer }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'pipeline', action: 'remind' });
  const [sending, setSending] = useState(false);
  const remind = () => {
    setSending(true);
    remindReviewer(round.roundId, reviewer.reviewerId)
      .then(
        ({ queued }) => notify('app.dashboard.pipeline.reminded', { type: 'success', messageArgs: { name: reviewer.name, n: queued } }),
        (e: Error) => notify(e.message, { type: 'error' }),
      )
      .finally(() => setSending(false));
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="overdue-reviewer" data-reviewer={reviewer.reviewerId}>
      <Typography
        variant="body2"
        color="error"
        component={Link}
        to={listOf('review-assignments', { roundId: round.roundId, reviewerId: reviewer.reviewerId, purpose: 'review', state: 'overdue' })}
      >
        {translate('app.dashboard.pipeline.reviewer_overdue', {
          name: reviewer.name,
          n: reviewer.overdue,
          due: reviewer.nextDueAt ? formatJst(reviewer.nextDueAt) : '-',
        })}
      </Typography>
      {canAccess && (
        <Button label="app.dashboard.pipeline.remind" onClick={remind} disabled={sending} size="small" color="error" variant="outlined">
          <NotificationsActiveIcon />
        </Button>
      )}
    </Stack>
  );
};
