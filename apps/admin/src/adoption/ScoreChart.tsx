import { Box, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Outcome } from '../review/types';
import { rankTicks, scoreTicks, tickLabel } from './chartTicks';

const W = 720;
const H = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 38 };

/**
 * 順位と合計点: each application a point (x = rank, y = final score), coloured by outcome, with the
 * 採択ライン as a dashed line after the last adopted rank and at its score. Hand-made SVG: one path per
 * outcome, so 20,000 ranked applications draw as three paths, and no chart library is needed. It reads
 * the API's `chart.finalScores` (every score by rank; the table gets only a page): adoption follows
 * rank order, so the first `adopted` ranks are 採択 and the next `waitlisted` 補欠.
 */
export const ScoreChart = ({
  finalScores,
  adopted,
  waitlisted,
  cutoffRank,
  cutoffScore,
}: {
  finalScores: number[];
  adopted: number;
  waitlisted: number;
  cutoffRank: number | null;
  cutoffScore: number | null;
}) => {
  const theme = useTheme();
  const translate = useTranslate();
  const entries = finalScores.map((finalScore, i): { rank: number; finalScore: number; outcome: Outcome } => ({
    rank: i + 1,
    finalScore,
    outcome: i < adopted ? 'adopted' : i < adopted + waitlisted ? 'waitlisted' : 'rejected',
  }));
  const n = Math.max(entries.length, 1);
  // both axes on round numbers (chartTicks.ts): the score axis ends on the round number above the best score
  const ticks = scoreTicks(entries.reduce((m, e) => Math.max(m, e.finalScore), 0));
  const maxScore = ticks[ticks.length - 1]!;
  const xTicks = rankTicks(entries.length);
  const x = (rank: number) => PAD.left + ((rank - 0.5) / n) * (W - PAD.left - PAD.right);
  const y = (score: number) => H - PAD.bottom - (score / maxScore) * (H - PAD.top - PAD.bottom);
  const colour: Record<Outcome, string> = { adopted: theme.palette.success.main, waitlisted: theme.palette.warning.main, rejected: theme.palette.grey[500] };
  const dots = entries.length <= 400;
  const paths = (['adopted', 'waitlisted', 'rejected'] as const).map((o) => {
    const d = entries
      .filter((e) => e.outcome === o)
      .map((e) => (dots ? `M${x(e.rank).toFixed(1)} ${y(e.finalScore).toFixed(1)}h0` : `M${x(e.rank).toFixed(1)} ${y(0)}V${y(e.finalScore).toFixed(1)}`))
      .join('');
    return { o, d };
  });
  return (
    <Box>
      <Typography variant="subtitle1">{translate('app.review.simulator.chart')}</Typography>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={translate('app.review.simulator.chart_desc')}
        data-testid="score-chart"
        style={{ maxWidth: W }}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke={theme.palette.divider} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary} data-testid="score-tick">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {xTicks.map((r) => (
          <g key={`rank-${r}`}>
            <line x1={x(r)} x2={x(r)} y1={H - PAD.bottom} y2={H - PAD.bottom + 4} stroke={theme.palette.text.secondary} />
            <text x={x(r)} y={H - PAD.bottom + 15} textAnchor="middle" fontSize={11} fill={theme.palette.text.secondary} data-testid="rank-tick">
              {tickLabel(r)}
            </text>
          </g>
        ))}
        <text x={W - PAD.right} y={H - 4} textAnchor="end" fontSize={11} fill={theme.palette.text.secondary}>
          {translate('app.review.simulator.rank')}
        </text>
        {paths.map(({ o, d }) =>
          d ? (
            <path
              key={o}
              d={d}
              stroke={colour[o]}
              strokeWidth={dots ? 6 : Math.max(1, (W - PAD.left - PAD.right) / n)}
              strokeLinecap={dots ? 'round' : 'butt'}
              fill="none"
            />
          ) : null,
        )}
        {cutoffRank !== null && (
          <g data-testid="cutoff-line" data-rank={cutoffRank}>
            <line
              x1={x(cutoffRank + 0.5)}
              x2={x(cutoffRank + 0.5)}
              y1={PAD.top}
              y2={H - PAD.bottom}
              stroke={theme.palette.error.main}
              strokeDasharray="5 4"
              strokeWidth={2}
            />
            {cutoffScore !== null && (
              <line x1={PAD.left} x2={W - PAD.right} y1={y(cutoffScore)} y2={y(cutoffScore)} stroke={theme.palette.error.main} strokeDasharray="2 4" />
            )}
            <text x={Math.min(x(cutoffRank + 0.5) + 4, W - 120)} y={PAD.top + 12} fontSize={12} fill={theme.palette.error.main}>
              {translate('app.review.simulator.cutoff')}
            </text>
          </g>
        )}
      </svg>
      <Typography variant="caption" color="text.secondary">
        {translate('app.review.simulator.chart_desc')}
      </Typography>
    </Box>
  );
};
