import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export interface ReviewerRecord {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
  active: boolean;
  reviewCapacity: number;
  openCount: number;
  overdueCount: number;
  submittedCount: number;
  openFormalChecks: number;
  conflictCount: number;
}

/** 負荷: open assignments against the reviewer's 上限件数 (red at or over capacity). */
export const LoadBar = (_props: { label?: string; sortBy?: string }) => {
  const r = useRecordContext<ReviewerRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const ratio = r.reviewCapacity > 0 ? Math.min(1, r.openCount / r.reviewCapacity) : 1;
  const colour = r.openCount >= r.reviewCapacity ? 'error' : ratio >= 0.8 ? 'warning' : 'primary';
  return (
    <Box sx={{ minWidth: 180 }} data-testid="reviewer-load">
      <LinearProgress variant="determinate" value={ratio * 100} color={colour} sx={{ height: 10, borderRadius: 1 }} />
      <Typography variant="caption" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {translate('app.review.board.load_of', { open: r.openCount, capacity: r.reviewCapacity })}
      </Typography>
    </Box>
  );
};
