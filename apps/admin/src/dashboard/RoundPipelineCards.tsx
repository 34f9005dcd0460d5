import { useEffect, useState } from 'react';
import { Alert, Card, CardActions, CardContent, Grid, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Button, useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatJst } from '../common';
import { BudgetChart } from './BudgetChart';
import { DeadlineCountdown } from './DeadlineCountdown';
import { IntakeChart } from './IntakeChart';
import { fetchPipeline, listOf, type RoundPipeline } from './pipeline';
import { ReviewerProgress } from './ReviewerProgress';
import { StateChart } from './StateChart';

/**
 * 公募回の状況: a card per round with applications — the 締切 and the time left, 受付 per day, how many
 * are in each state, each reviewer's progress (催促 for the overdue), and per category what is adopted
 * against the budget — as charts whose every bar links to the list it counts. A secretariat running
 * several programmes picks one (事業) to see only its rounds.
 */
export const RoundPipelineCards = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'pipeline', action: 'list' });
  const [rounds, setRounds] = useState<RoundPipeline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [programme, setProgramme] = useState('');
  useEffect(() => {
    if (canAccess) fetchPipeline().then(setRounds, (e: Error) => setError(e.message));
  }, [canAccess]);
  if (!canAccess) return null;
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!rounds) return <LinearProgress />;
  const programmes = [...new Set(rounds.map((r) => r.programName))];
  const shown = programme ? rounds.filter((r) => r.programName === programme) : rounds;
  return (
    <Stack spacing={2} data-testid="round-pipelines">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {translate('app.dashboard.pipeline.title')}
        </Typography>
        {programmes.length > 1 && (
          <TextField
            select
            size="small"
            label={translate('app.dashboard.pipeline.programme')}
            value={programme}
            onChange={(e) => setProgramme(e.target.value)}
            sx={{ minWidth: 280 }}
            slotProps={{ select: { inputProps: { 'data-testid': 'pipeline-programme' } } }}
          >
            <MenuItem value="">{translate('app.dashboard.pipeline.all_programmes', { n: rounds.length })}</MenuItem>
            {programmes.map((name) => (
              <MenuItem key={name} value={name}>
                {translate('app.dashboard.pipeline.programme_rounds', { name, n: rounds.filter((r) => r.programName === name).length })}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      {rounds.length === 0 && <Typography color="text.secondary">{translate('app.dashboard.pipeline.empty')}</Typography>}
      {shown.map((r) => (
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
  return (
    <Card variant="outlined" data-testid="round-pipeline" data-round={round.roundId}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>{`${round.programName} ${round.roundName}`}</Typography>
        <DeadlineCountdown deadline={round.deadline} />
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('announcement', { at: round.announcementFrom ? formatJst(round.announcementFrom) : '-' })}
          {'　'}
          <Link to={listOf('applications', { roundId: round.roundId })} data-testid="pipeline-total">
            {t('total', { n: round.total.toLocaleString('ja-JP') })}
          </Link>
        </Typography>
        <Grid container spacing={2} sx={{ my: 1 }}>
          <Grid size={{ xs: 12, md: 6 }}>
            <IntakeChart round={round} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Typography variant="subtitle2">{t('states_title')}</Typography>
            <StateChart round={round} />
          </Grid>
          {round.reviewers.length > 0 && (
            <Grid size={{ xs: 12, md: round.hasAdoption ? 6 : 12 }}>
              <ReviewerProgress round={round} />
            </Grid>
          )}
          {round.hasAdoption && (
            <Grid size={{ xs: 12, md: round.reviewers.length > 0 ? 6 : 12 }}>
              <BudgetChart round={round} />
            </Grid>
          )}
        </Grid>
        {review.formalChecksOpen > 0 && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            <Link to={listOf('review-assignments', { roundId: round.roundId, purpose: 'formalCheck', state: 'open' })}>
              {t('formal_checks_open', { n: review.formalChecksOpen })}
            </Link>
          </Typography>
        )}
        {!round.hasAdoption && (
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }} data-testid="pipeline-categories">
            {round.categories.map((c) => (
              <Link key={c.categoryId} to={listOf('applications', { roundId: round.roundId, categoryId: c.categoryId })}>
                {`${c.categoryName} ${t('applied')} ${c.applied.toLocaleString('ja-JP')}`}
              </Link>
            ))}
          </Stack>
        )}
      </CardContent>
      <CardActions>
        <Button component={Link} to={listOf('applications', { roundId: round.roundId })} label="app.dashboard.pipeline.applications" />
        {board.canAccess && <Button component={Link} to={listOf('reviewers', { roundId: round.roundId })} label="app.review.links.board" />}
        {simulator.canAccess && round.hasAdoption && <Button component={Link} to={`/adoption?roundId=${round.roundId}`} label="app.review.links.simulator" />}
      </CardActions>
    </Card>
  );
};
