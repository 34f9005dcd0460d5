import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardActions,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { formatYen } from '@jimukyoku/domain';
import { Button, useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatJst } from '../common';
import { toneColor } from '../workflows/workflowStates';
import { fetchPipeline, type RoundPipeline } from './pipeline';

const listOf = (resource: string, filter: object) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * 公募回の状況: a card per round with applications — how many are in each state, how far the 要件確認
 * and the 書面審査 are, and per category what is adopted against the budget — with the ways in.
 */
export const RoundPipelineCards = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'pipeline', action: 'list' });
  const [rounds, setRounds] = useState<RoundPipeline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (canAccess) fetchPipeline().then(setRounds, (e: Error) => setError(e.message));
  }, [canAccess]);
  if (!canAccess) return null;
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!rounds) return <LinearProgress />;
  return (
    <Stack spacing={2} data-testid="round-pipelines">
      <Typography variant="h6" component="h2">
        {translate('app.dashboard.pipeline.title')}
      </Typography>
      {rounds.length === 0 && <Typography color="text.secondary">{translate('app.dashboard.pipeline.empty')}</Typography>}
      {rounds.map((r) => (
        <RoundCard key={r.roundId} round={r} />
      ))}
    </Stack>
  );
};

const RoundCard = ({ round }: { round: RoundPipeline }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.dashboard.pipeline.${k}`, o);
  const board = useCanAccess({ resource: 'reviewers', action: 'list' });
  const simulator = useCanAccess({ resource: 'adoption', action: 'list' });
  const { review } = round;
  const sheets = review.sheetsSubmitted + review.sheetsOpen;
  return (
    <Card variant="outlined" data-testid="round-pipeline" data-round={round.roundId}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>{`${round.programName} ${round.roundName}`}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('schedule', { closes: formatJst(round.closesAt), announcement: round.announcementFrom ? formatJst(round.announcementFrom) : '-' })}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', my: 1 }} data-testid="pipeline-states">
          {round.states.map((s) => {
            const color = toneColor(s.tone);
            return (
              <Chip
                key={s.code}
                size="small"
                color={color}
                variant={color === 'default' ? 'outlined' : 'filled'}
                label={`${s.label} ${s.count.toLocaleString('ja-JP')}`}
                data-state={s.code}
              />
            );
          })}
          <Chip size="small" variant="outlined" label={t('total', { n: round.total.toLocaleString('ja-JP') })} />
        </Stack>
        {(sheets > 0 || review.formalChecksOpen > 0) && (
          <Box sx={{ my: 1 }}>
            {sheets > 0 && (
              <>
                <Typography variant="body2" data-testid="pipeline-review">
                  {t('review_progress', { submitted: review.sheetsSubmitted, total: sheets, rate: percent(review.sheetsSubmitted, sheets) })}
                  {review.sheetsOverdue > 0 && (
                    <Typography component="span" variant="body2" color="error">{` ${t('overdue', { n: review.sheetsOverdue })}`}</Typography>
                  )}
                </Typography>
                <LinearProgress variant="determinate" value={percent(review.sheetsSubmitted, sheets)} sx={{ height: 8, borderRadius: 1, maxWidth: 480 }} />
              </>
            )}
            {review.formalChecksOpen > 0 && (
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {t('formal_checks_open', { n: review.formalChecksOpen })}
              </Typography>
            )}
          </Box>
        )}
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('category')}</TableCell>
              <TableCell align="right">{t('applied')}</TableCell>
              {round.hasAdoption && <TableCell align="right">{t('adopted')}</TableCell>}
              {round.hasAdoption && <TableCell align="right">{t('adopted_amount')}</TableCell>}
              {round.hasAdoption && <TableCell sx={{ width: 200 }}>{t('budget')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {round.categories.map((c) => (
              <TableRow key={c.categoryId}>
                <TableCell>{c.categoryName}</TableCell>
                <TableCell align="right">{c.applied.toLocaleString('ja-JP')}</TableCell>
                {round.hasAdoption && (
                  <>
                    <TableCell align="right">{c.adopted.toLocaleString('ja-JP')}</TableCell>
                    <TableCell align="right">{formatYen(c.adoptedAmount)}</TableCell>
                    <TableCell>
                      {c.budget === null ? (
                        <Typography variant="body2" color="text.secondary">
                          {t('no_budget')}
                        </Typography>
                      ) : (
                        <>
                          <Typography variant="caption">
                            {t('budget_used', { budget: formatYen(c.budget), rate: percent(c.adoptedAmount, c.budget) })}
                          </Typography>
                          <LinearProgress
                            variant="determinate"
                            value={Math.min(100, percent(c.adoptedAmount, c.budget))}
                            color={c.adoptedAmount > c.budget ? 'error' : 'primary'}
                          />
                        </>
                      )}
                    </TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      <CardActions>
        <Button component={Link} to={listOf('applications', { roundId: round.roundId })} label="app.dashboard.pipeline.applications" />
        {board.canAccess && <Button component={Link} to={listOf('reviewers', { roundId: round.roundId })} label="app.review.links.board" />}
        {simulator.canAccess && round.hasAdoption && <Button component={Link} to={`/adoption?roundId=${round.roundId}`} label="app.review.links.simulator" />}
      </CardActions>
    </Card>
  );
};
