import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count, linkedBar, useAppHref } from './chartLinks';
import { listOf, type RoundPipeline } from './pipeline';

type Day = RoundPipeline['intake'][number];
const monthDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

/** 受付 per JST day, opening day to the 締切's day; a bar links to that day's applications. */
export const IntakeChart = ({ round }: { round: RoundPipeline }) => {
  const translate = useTranslate();
  const href = useAppHref();
  const received = round.intake.reduce((a, d) => a + d.count, 0);
  const Shape = linkedBar<Day>(
    (d) => (d.count > 0 ? href(listOf('applications', { roundId: round.roundId, receivedFrom: d.day, receivedTo: d.day })) : null),
    (d) => translate('app.dashboard.pipeline.intake_day', { day: d.day, n: count(d.count) }),
    'intake-bar',
  );
  return (
    <Box data-testid="intake-chart">
      <Typography variant="subtitle2">{translate('app.dashboard.pipeline.intake_title', { n: count(received) })}</Typography>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart data={round.intake} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={monthDay} minTickGap={16} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip labelFormatter={(day) => String(day)} formatter={(n) => [count(Number(n)), translate('app.dashboard.pipeline.received')]} />
          <Bar dataKey="count" fill="#1976d2" isAnimationActive={false} shape={Shape} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};
