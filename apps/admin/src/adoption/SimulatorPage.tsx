import { useCallback, useEffect, useState } from 'react';
import { formatYen, parseYen } from '@jimukyoku/domain';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { Title, useGetList, useGetMany, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import { reviewApi } from '../review/api';
import type { AdoptionDecision, Ranking, RankingQuery } from '../review/types';
import type { RoundRecord } from '../rounds/round';
import { CommitDecisionButton } from './CommitDecisionButton';
import { CommittedDecision } from './CommittedDecision';
import { DecisionHistory } from './DecisionHistory';
import { ExportButtons } from './ExportButtons';
import { RankingTable } from './RankingTable';
import { ScoreChart } from './ScoreChart';
import { SimulationBreakdowns, SimulationTotals } from './SimulationSummary';
import { useDebounced } from './useDebounced';
import { groupYen } from './yenInput';

const count = (text: string): number | null => (text.trim() === '' || !/^\d+$/.test(text.trim()) ? null : Number(text.trim()));

/**
 * How long to wait before asking the ranking again while the round is still open: until its 締切 and a second (the
 * API's clock decides), or 5 s while the API still says open past it (clocks apart); at most setTimeout's limit.
 */
export function recheckDelay(deadlineMs: number, nowMs: number): number {
  const left = deadlineMs - nowMs;
  return left > 0 ? Math.min(left + 1_000, 2_147_483_647) : 5_000;
}

/**
 * 採択シミュレーター of one round × category: 予算, 採択件数 and 補欠 in, the ranking with its 採択ライン
 * out, re-queried 300 ms after the last keystroke so the line moves as the budget is typed. The 予算 is
 * read by parseYen (libs/domain: 「3億」, 「2億5,000万」, 「300,000,000」…) and shown as read
 * (300,000,000円); what it cannot read is an error and nothing is asked or committed; an empty field
 * is "no budget limit", said so under it. The manager commits the simulation on screen; once a
 * decision is committed the page shows it (ranking and line as committed) and offers a new what-if
 * only while applications still await a decision. Past decisions and the exports sit below.
 */
export const SimulatorPage = () => {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.review.simulator.${k}`);
  const [params, setParams] = useSearchParams();
  const roundId = params.get('roundId') ?? '';
  const categoryId = params.get('categoryId') ?? '';
  const { data: rounds = [] } = useGetList<RoundRecord>('rounds', { pagination: { page: 1, perPage: 100 }, sort: { field: 'closesAt', order: 'DESC' } });
  const round = rounds.find((r) => r.id === roundId);
  const categoryIds = round?.categories.map((c) => c.categoryId) ?? [];
  const { data: categories = [] } = useGetMany<{ id: string; name: string }>('categories', { ids: categoryIds }, { enabled: categoryIds.length > 0 });
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? id;

  const [budgetText, setBudgetText] = useState('');
  const [quotaText, setQuotaText] = useState('');
  const [waitlistText, setWaitlistText] = useState('0');
  /** undefined: the rubric's setting; a choice here is a what-if (and what the commit uses) */
  const [normalise, setNormalise] = useState<boolean | undefined>(undefined);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [decisions, setDecisions] = useState<AdoptionDecision[]>([]);
  const [reloadKey, setReloadKey] = useState(0);
  /** a decided round × 類型 shows its committed decision unless the manager asks for a what-if */
  const [whatIf, setWhatIf] = useState(false);

  const choose = (next: { roundId?: string; categoryId?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p, { replace: true });
  };

  // a round's single category is chosen for the user; its budget and quota are the starting limits
  useEffect(() => {
    if (round && !categoryId && round.categories.length === 1) choose({ categoryId: round.categories[0]!.categoryId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round?.id, categoryId]);
  useEffect(() => {
    const offered = round?.categories.find((c) => c.categoryId === categoryId);
    setBudgetText(groupYen(offered?.budget ?? null));
    setQuotaText(offered?.adoptionQuota == null ? '' : String(offered.adoptionQuota));
    setWhatIf(false);
  }, [round?.id, categoryId]); // eslint-disable-line react-hooks/exhaustive-deps

  const budget = parseYen(budgetText);
  const query: RankingQuery = {
    categoryId,
    budget: budget.ok ? budget.yen : null,
    quota: count(quotaText),
    waitlistCount: count(waitlistText) ?? 0,
    ...(normalise === undefined ? {} : { normalise }),
  };
  // one debounced value: an unreadable 予算 must never be asked as "no limit", not even for a moment
  const { query: settled, budgetOk: settledBudget } = useDebounced({ query, budgetOk: budget.ok }, 300);
  const key = JSON.stringify(settled);

  useEffect(() => {
    if (!roundId || !settled.categoryId || !settledBudget) return;
    let cancelled = false;
    setLoading(true);
    reviewApi
      .getRanking(roundId, settled)
      .then((r) => {
        if (!cancelled) {
          setRanking(r);
          setError(null);
        }
      })
      .catch((e: Error) => {
        if (!cancelled) setError(e.message);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [roundId, key, reloadKey, settledBudget]); // eslint-disable-line react-hooks/exhaustive-deps

  // 採択を確定 waits for the 締切 (grace included): when it passes, ask again, so the button comes without a reload
  const deadlineMs = ranking?.roundStillOpen ? Date.parse(ranking.roundDeadline) : NaN;
  useEffect(() => {
    if (Number.isNaN(deadlineMs)) return;
    const timer = window.setTimeout(() => setReloadKey((k) => k + 1), recheckDelay(deadlineMs, Date.now()));
    return () => window.clearTimeout(timer);
  }, [deadlineMs, reloadKey]);

  const loadDecisions = useCallback(() => {
    if (roundId)
      reviewApi
        .getDecisions(roundId)
        .then(setDecisions)
        .catch(() => setDecisions([]));
  }, [roundId]);
  useEffect(loadDecisions, [loadDecisions, reloadKey]);

  // a decided 類型 shows its committed decision: the what-if limits are not in play until asked for
  const showingCommitted = !!ranking?.committed && ranking.categoryId === categoryId && !whatIf;
  return (
    <Box sx={{ p: 2 }} data-testid="simulator">
      <Title title={t('title')} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <FormControl size="small" sx={{ width: 320 }}>
              <InputLabel id="sim-round">{t('round')}</InputLabel>
              <Select
                labelId="sim-round"
                label={t('round')}
                value={round ? roundId : ''}
                onChange={(e) => choose({ roundId: e.target.value, categoryId: '' })}
                data-testid="sim-round"
              >
                {rounds.map((r) => (
                  <MenuItem key={r.id} value={r.id}>
                    {r.title}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <FormControl size="small" sx={{ width: 320 }} disabled={!round}>
              <InputLabel id="sim-category">{t('category')}</InputLabel>
              <Select
                labelId="sim-category"
                label={t('category')}
                value={categoryIds.includes(categoryId) ? categoryId : ''}
                onChange={(e) => choose({ categoryId: e.target.value })}
                data-testid="sim-category"
              >
                {categoryIds.map((id) => (
                  <MenuItem key={id} value={id}>
                    {categoryName(id)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <TextField
              size="small"
              label={t('budget')}
              name="budget"
              disabled={showingCommitted}
              value={budgetText}
              onChange={(e) => setBudgetText(e.target.value)}
              onBlur={() => budget.ok && budget.yen !== null && setBudgetText(groupYen(budget.yen))}
              error={!budget.ok}
              placeholder={t('budget_help')}
              helperText={
                <span data-testid="budget-parsed">{!budget.ok ? budget.reason : budget.yen === null ? t('budget_unlimited') : formatYen(budget.yen)}</span>
              }
              slotProps={{ htmlInput: { style: { textAlign: 'right' } } }}
              sx={{ width: 280 }}
            />
            <TextField
              size="small"
              label={t('quota')}
              name="quota"
              disabled={showingCommitted}
              value={quotaText}
              onChange={(e) => setQuotaText(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ width: 160 }}
            />
            <TextField
              size="small"
              label={t('waitlist')}
              name="waitlistCount"
              disabled={showingCommitted}
              value={waitlistText}
              onChange={(e) => setWaitlistText(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ width: 140 }}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={normalise ?? ranking?.normalise ?? false}
                  onChange={(e) => setNormalise(e.target.checked)}
                  name="normalise"
                  disabled={showingCommitted}
                />
              }
              label={t('normalise')}
            />
          </Stack>
        </CardContent>
      </Card>
      {loading ? <LinearProgress sx={{ mb: 1 }} /> : <Box sx={{ height: 4, mb: 1 }} />}
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {!roundId || !categoryId ? (
        <Typography color="text.secondary">{t('choose')}</Typography>
      ) : ranking && ranking.categoryId === categoryId && ranking.committed && !whatIf ? (
        <>
          <CommittedDecision committed={ranking.committed} />
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', my: 1 }}>
            {ranking.entryCount > 0 ? (
              <Button variant="outlined" onClick={() => setWhatIf(true)} data-testid="back-to-whatif">
                {t('back_to_whatif')}
              </Button>
            ) : (
              <Typography variant="body2" color="text.secondary" data-testid="whatif-unavailable">
                {t('whatif_unavailable')}
              </Typography>
            )}
            <ExportButtons roundId={roundId} categoryId={categoryId} />
          </Stack>
          <DecisionHistory decisions={decisions} categoryName={categoryName} />
        </>
      ) : ranking && ranking.categoryId === categoryId ? (
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <CommitDecisionButton
              roundId={roundId}
              query={settled}
              ranking={ranking}
              disabled={!budget.ok || !settledBudget || loading}
              onCommitted={() => {
                setWhatIf(false);
                setReloadKey((k) => k + 1);
              }}
              onReload={() => setReloadKey((k) => k + 1)}
            />
            {ranking.committed && (
              <Button variant="text" onClick={() => setWhatIf(false)} data-testid="show-committed">
                {t('show_committed')}
              </Button>
            )}
            <ExportButtons roundId={roundId} categoryId={categoryId} />
          </Stack>
          {!budget.ok && (
            <Alert severity="error" sx={{ my: 1 }} data-testid="budget-invalid">
              {t('budget_invalid')}
            </Alert>
          )}
          <SimulationTotals ranking={ranking} />
          {ranking.entries.length === 0 ? (
            <Typography color="text.secondary">{t('empty')}</Typography>
          ) : (
            <>
              <ScoreChart
                finalScores={ranking.chart.finalScores}
                adopted={ranking.simulation.totals.adopted}
                waitlisted={ranking.simulation.totals.waitlisted}
                cutoffRank={ranking.simulation.cutoffRank}
                cutoffScore={ranking.simulation.cutoffScore}
              />
              <SimulationBreakdowns ranking={ranking} />
            </>
          )}
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {t('tie_break')}
          </Typography>
          <Box component="ul" sx={{ mt: 0, pl: 3 }} data-testid="tie-break">
            {ranking.tieBreak.map((line) => (
              <Typography component="li" variant="body2" key={line} sx={{ listStyle: 'none' }}>
                {line}
              </Typography>
            ))}
          </Box>
          <Typography variant="subtitle1" sx={{ mt: 2 }}>
            {t('ranking')}
          </Typography>
          <RankingTable entries={ranking.entries} total={ranking.entryCount} />
          <DecisionHistory decisions={decisions} categoryName={categoryName} />
        </>
      ) : null}
    </Box>
  );
};
