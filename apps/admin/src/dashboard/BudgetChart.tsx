import { Box, Typography } from '@mui/material';
import { formatManRounded, formatYen } from '@jimukyoku/domain';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { linkedBar, useAppHref } from './chartLinks';
import { listOf, type RoundPipeline } from './pipeline';
import { shareDown } from './share';

type Category = RoundPipeline['categories'][number];

/**
 * Budget use per 類型: the adopted amount against the round's budget for it. The 採択額 bar links to the
 * adopted applications of the category (the states that hold a slot), the 予算 bar to all of its applications.
 */
export const BudgetChart = ({ round }: { round: RoundPipeline }) => {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`app.dashboard.pipeline.${k}`, o);
  const href = useAppHref();
  const rate = (c: Category) => shareDown(c.adoptedAmount, c.budget);
  const Adopted = linkedBar<Category>(
    (c) => href(listOf('applications', { roundId: round.roundId, categoryId: c.categoryId, status: round.holdsSlotStates })),
    (c) => t('budget_bar', { category: c.categoryName, amount: formatYen(c.adoptedAmount), n: c.adopted }),
    'budget-adopted-bar',
  );
  const Budget = linkedBar<Category>(
    (c) => (c.budget === null ? null : href(listOf('applications', { roundId: round.roundId, categoryId: c.categoryId }))),
    (c) => `${c.categoryName} ${t('budget_amount')} ${c.budget === null ? t('no_budget') : formatYen(c.budget)}`,
    'budget-bar',
  );
  return (
    <Box data-testid="budget-chart">
      <Typography variant="subtitle2">{t('budget_title')}</Typography>
      {round.categories.map((c) => (
        <Typography key={c.categoryId} variant="caption" component="div" color={c.budget !== null && c.adoptedAmount > c.budget ? 'error' : 'text.secondary'}>
          {`${c.categoryName}: ${t('adopted')} ${c.adopted.toLocaleString('ja-JP')}件 ${formatYen(c.adoptedAmount)}`}
          {c.budget === null ? ` (${t('no_budget')})` : ` / ${t('budget_used', { budget: formatYen(c.budget), rate: rate(c) })}`}
        </Typography>
      ))}
      {/* nothing to draw (no 予算 set, nothing adopted): the lines above say so; an empty chart read 「0万 0万 0万」 */}
      {round.categories.some((c) => c.budget !== null || c.adoptedAmount > 0) && (
        <ResponsiveContainer width="100%" height={Math.max(90, round.categories.length * 56 + 40)}>
          <BarChart data={round.categories} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={formatManRounded} fontSize={11} />
            <YAxis type="category" dataKey="categoryName" width={150} fontSize={12} interval={0} />
            <Tooltip formatter={(v, name) => [formatYen(Number(v)), String(name)]} />
            <Legend />
            <Bar dataKey="adoptedAmount" name={t('adopted_amount')} fill="#2e7d32" isAnimationActive={false} shape={Adopted} />
            <Bar dataKey="budget" name={t('budget_amount')} fill="#bdbdbd" isAnimationActive={false} shape={Budget} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};
