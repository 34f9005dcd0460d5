import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count, linkedBar, useAppHref, useToneFill } from './chartLinks';
import { listOf, type RoundPipeline } from './pipeline';

interface Row {
  code: string;
  label: string;
  tone: string;
  count: number;
}

/**
 * Applications per state, in the workflow's order, each bar in its state's tone and linking to the
 * round's list filtered by that state. Labels and tones are the round's own workflow's, as GET /api/pipeline answers them.
 */
export const StateChart = ({ round }: { round: RoundPipeline }) => {
  const translate = useTranslate();
  const href = useAppHref();
  const fill = useToneFill();
  // the round's own workflow's labels and tones (GET /api/pipeline): a code another programme's workflow shares may
  // be named otherwise there (事業復活支援金's submitted is 申請済, the 補助金's 申請済（受付）)
  const rows: Row[] = round.states.map((s) => ({ code: s.code, label: s.label, tone: s.tone, count: s.count }));
  const Shape = linkedBar<Row>(
    (r) => href(listOf('applications', { roundId: round.roundId, status: [r.code] })),
    (r) => `${r.label} ${count(r.count)}`,
    'state-bar',
  );
  return (
    <Box data-testid="state-chart" aria-label={translate('app.dashboard.pipeline.states_title')}>
      <ResponsiveContainer width="100%" height={Math.max(80, rows.length * 26 + 16)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={150} fontSize={12} interval={0} />
          <Tooltip formatter={(n) => [count(Number(n)), translate('app.dashboard.pipeline.applications_count')]} />
          <Bar dataKey="count" isAnimationActive={false} shape={Shape} minPointSize={2}>
            {rows.map((r) => (
              <Cell key={r.code} fill={fill(r.tone)} />
            ))}
            <LabelList dataKey="count" position="right" fontSize={12} formatter={(n: unknown) => count(Number(n))} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};
