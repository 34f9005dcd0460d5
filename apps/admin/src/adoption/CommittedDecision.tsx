import { Card, CardContent, Typography } from '@mui/material';
import { formatScore, formatYen } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { formatJst } from '../common';
import type { Ranking } from '../review/types';
import { RankingTable } from './RankingTable';
import { ScoreChart } from './ScoreChart';

/**
 * A decided round × 類型: the committed decision from adoption_decision — the limits it used, its
 * counts and 採択ライン, the chart and the ranking with each application's score and outcome as
 * committed — instead of a fresh what-if.
 */
export const CommittedDecision = ({ committed }: { committed: NonNullable<Ranking['committed']> }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.review.simulator.${k}`, o);
  const d = committed.decision;
  const cutoff = d.cutoffScore === null ? t('no_cutoff') : `${formatScore(Number(d.cutoffScore))}点`;
  return (
    <Card variant="outlined" sx={{ my: 2 }} data-testid="committed-decision">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('committed_view')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }} data-testid="committed-summary">
          {t('committed_summary', {
            at: formatJst(d.committedAt),
            budget: d.budget === null ? t('no_limit') : formatYen(Number(d.budget)),
            quota: d.quota === null ? t('no_limit') : `${d.quota}件`,
            waitlist: d.waitlistCount,
            adopted: d.adoptedCount,
            waitlisted: d.waitlistedCount,
            rejected: d.rejectedCount,
            amount: formatYen(Number(d.adoptedAmount)),
            cutoff,
          })}
        </Typography>
        {committed.chart.finalScores.length > 0 && (
          <ScoreChart
            finalScores={committed.chart.finalScores}
            adopted={d.adoptedCount}
            waitlisted={d.waitlistedCount}
            cutoffRank={d.adoptedCount > 0 ? d.adoptedCount : null}
            cutoffScore={d.cutoffScore === null ? null : Number(d.cutoffScore)}
          />
        )}
        <RankingTable entries={committed.entries} total={committed.entryCount} />
      </CardContent>
    </Card>
  );
};
