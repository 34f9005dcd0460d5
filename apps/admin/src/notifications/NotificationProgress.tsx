import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, Link, Stack, Tooltip, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { useApi } from '../providers/useApi';
import { progressSummary, type NotificationCounts, type NotificationProgress as Progress } from './notification';

/** how often the counts are fetched while the list is open */
export const PROGRESS_POLL_MS = 3_000;
const ROUNDS_SHOWN = 5;

const SEGMENTS = [
  { key: 'sent', color: 'success.main' },
  { key: 'waiting', color: 'info.main' },
  { key: 'held', color: 'grey.400' },
  { key: 'problems', color: 'error.main' },
] as const;

/** One stacked bar: 送信済 / 送信待ち / 保留 / 失敗・要確認, each as wide as its share. */
const ProgressBar = ({ counts, testId }: { counts: NotificationCounts; testId?: string }) => {
  const translate = useTranslate();
  const summary = progressSummary(counts);
  return (
    <Box data-testid={testId} sx={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', bgcolor: 'action.hover', minWidth: 160 }}>
      {SEGMENTS.map(({ key, color }) =>
        summary[key] > 0 ? (
          <Tooltip key={key} title={`${translate(`app.notifications.progress.${key}`)} ${summary[key].toLocaleString('ja-JP')}`}>
            <Box sx={{ width: `${(100 * summary[key]) / Math.max(summary.total, 1)}%`, bgcolor: color }} />
          </Tooltip>
        ) : null,
      )}
    </Box>
  );
};

const Count = ({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) => (
  <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
    <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: color }} />
    <Typography variant="body2">
      {label} <strong data-testid={testId}>{value.toLocaleString('ja-JP')}</strong>
    </Typography>
  </Stack>
);

/**
 * 送信の進捗 above the notifications list: counts per state (GET /api/notifications/progress), fetched
 * every few seconds so a 採択発表 fan-out can be followed as it goes out; for the round chosen in the
 * list's 公募回 filter, or overall with the rounds that moved most recently (a click filters by one).
 */
export const NotificationProgress = () => {
  const translate = useTranslate();
  const dataProvider = useApi();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const roundId = typeof filterValues?.roundId === 'string' ? filterValues.roundId : undefined;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      dataProvider.notificationProgress(roundId).then(
        (p) => !stopped && (setProgress(p), setFailed(false)),
        () => !stopped && setFailed(true),
      );
    void load();
    const timer = setInterval(() => void load(), PROGRESS_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [dataProvider, roundId]);

  if (!progress) return failed ? <Alert severity="warning">{translate('app.notifications.progress.unavailable')}</Alert> : null;
  const summary = progressSummary(progress.overall);
  const focused = roundId ? progress.rounds.find((r) => r.roundId === roundId) : undefined;
  const filterRound = (id: string | undefined) => setFilters({ ...filterValues, roundId: id }, displayedFilters);
  return (
    <Card variant="outlined" sx={{ mt: 1, mb: 1 }} data-testid="notification-progress">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
            {translate('app.notifications.progress.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {focused ? translate('app.notifications.progress.round', { name: focused.roundName }) : translate('app.notifications.progress.overall')}
          </Typography>
          {roundId ? (
            <Link component="button" variant="body2" onClick={() => filterRound(undefined)}>
              {translate('app.notifications.progress.show_all')}
            </Link>
          ) : null}
          <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto !important' }}>
            {translate('app.notifications.progress.updated', { time: new Date(progress.countedAt).toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' }) })}
            {failed ? ` — ${translate('app.notifications.progress.unavailable')}` : ''}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mb: 0.5 }} data-testid="progress-summary">
          {translate('app.notifications.progress.summary', {
            sent: summary.sent.toLocaleString('ja-JP'),
            total: summary.total.toLocaleString('ja-JP'),
            percent: summary.percentSent,
          })}
        </Typography>
        <ProgressBar counts={progress.overall} testId="progress-bar" />
        <Stack direction="row" spacing={3} sx={{ mt: 1, flexWrap: 'wrap' }}>
          <Count label={translate('app.notifications.progress.sent')} value={summary.sent} color="success.main" testId="progress-sent" />
          <Count label={translate('app.notifications.progress.waiting')} value={summary.waiting} color="info.main" testId="progress-waiting" />
          <Count label={translate('app.notifications.progress.held')} value={summary.held} color="grey.400" testId="progress-held" />
          <Count label={translate('app.notifications.progress.problems')} value={summary.problems} color="error.main" testId="progress-problems" />
        </Stack>
        {!roundId && progress.rounds.length > 0 ? (
          <Box sx={{ mt: 1.5 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('app.notifications.progress.rounds')}
            </Typography>
            {progress.rounds.slice(0, ROUNDS_SHOWN).map((r) => {
              const s = progressSummary(r);
              return (
                <Stack key={r.roundId} direction="row" spacing={2} sx={{ alignItems: 'center', mt: 0.5 }} data-testid="progress-round">
                  <Link component="button" variant="body2" onClick={() => filterRound(r.roundId)} sx={{ minWidth: 160, textAlign: 'left' }}>
                    {r.roundName}
                  </Link>
                  <Box sx={{ flex: 1, maxWidth: 360 }}>
                    <ProgressBar counts={r} />
                  </Box>
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.notifications.progress.summary', {
                      sent: s.sent.toLocaleString('ja-JP'),
                      total: s.total.toLocaleString('ja-JP'),
                      percent: s.percentSent,
                    })}
                    {s.problems > 0 ? ` · ${translate('app.notifications.progress.problems')} ${s.problems.toLocaleString('ja-JP')}` : ''}
                  </Typography>
                </Stack>
              );
            })}
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
