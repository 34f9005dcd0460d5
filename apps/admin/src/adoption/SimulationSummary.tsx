import { Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { SIZE_CLASS_LABELS, formatScore, formatYen } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import type { Breakdown, Ranking } from '../review/types';

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Card variant="outlined" sx={{ minWidth: 150 }}>
    <CardContent sx={{ '&:last-child': { pb: 1.5 }, py: 1.5 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toLocaleString('ja-JP')}%`;

/** 採択率, counts, amounts and the 採択ライン of one simulation. */
export const SimulationTotals = ({ ranking }: { ranking: Ranking }) => {
  const translate = useTranslate();
  const s = ranking.simulation;
  const t = s.totals;
  const cutoff =
    s.cutoffRank === null
      ? translate('app.review.simulator.no_cutoff')
      : translate('app.review.simulator.cutoff_value', { rank: s.cutoffRank, score: formatScore(s.cutoffScore) });
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', my: 2 }} data-testid="simulation-totals">
      <Figure label={translate('app.review.simulator.applied')} value={`${t.applied}件`} testId="total-applied" />
      <Figure label={translate('app.review.simulator.adopted')} value={`${t.adopted}件`} testId="total-adopted" />
      <Figure label={translate('app.review.simulator.waitlisted')} value={`${t.waitlisted}件`} testId="total-waitlisted" />
      <Figure label={translate('app.review.simulator.rejected')} value={`${t.rejected}件`} testId="total-rejected" />
      <Figure label={translate('app.review.simulator.adoption_rate')} value={percent(t.adoptionRate)} testId="adoption-rate" />
      <Figure label={translate('app.review.simulator.adopted_amount')} value={formatYen(t.adoptedAmount)} testId="adopted-amount" />
      {t.remainingBudget !== null && (
        <Figure label={translate('app.review.simulator.remaining_budget')} value={formatYen(t.remainingBudget)} testId="remaining-budget" />
      )}
      <Figure
        label={`${translate('app.review.simulator.cutoff')} (${translate(`app.review.simulator.stopped_by.${s.stoppedBy}`)})`}
        value={cutoff}
        testId="cutoff"
      />
    </Stack>
  );
};

const BreakdownTable = ({ title, rows, label, testId }: { title: string; rows: Breakdown[]; label: (key: string) => string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ flex: 1, minWidth: 320 }}>
      <Typography variant="subtitle1">{title}</Typography>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.review.simulator.key')}</TableCell>
            <TableCell align="right">{translate('app.review.simulator.applied')}</TableCell>
            <TableCell align="right">{translate('app.review.simulator.adopted')}</TableCell>
            <TableCell align="right">{translate('app.review.simulator.adoption_rate')}</TableCell>
            <TableCell align="right">{translate('app.review.simulator.adopted_amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>{label(r.key)}</TableCell>
              <TableCell align="right">{r.applied}</TableCell>
              <TableCell align="right">{r.adopted}</TableCell>
              <TableCell align="right">{percent(r.applied ? r.adopted / r.applied : 0)}</TableCell>
              <TableCell align="right">{formatYen(r.adoptedAmount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The distribution of the adopted by 都道府県 and by 事業者の区分. */
export const SimulationBreakdowns = ({ ranking }: { ranking: Ranking }) => {
  const translate = useTranslate();
  const sizeLabel = (key: string) => (SIZE_CLASS_LABELS as Record<string, string>)[key] ?? key;
  return (
    <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', my: 2 }}>
      <BreakdownTable title={translate('app.review.simulator.by_prefecture')} rows={ranking.simulation.byPrefecture} label={(k) => k} testId="by-prefecture" />
      <BreakdownTable title={translate('app.review.simulator.by_size_class')} rows={ranking.simulation.bySizeClass} label={sizeLabel} testId="by-size-class" />
    </Stack>
  );
};
