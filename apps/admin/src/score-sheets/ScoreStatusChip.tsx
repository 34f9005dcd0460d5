import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS = { notStarted: 'default', draft: 'warning', submitted: 'success' } as const;

/** 採点の状態: 未着手 / 下書き / 提出済 (a list's `scoreStatus`, or a sheet's `status`). */
export const ScoreStatusChip = (props: { source?: string; label?: string; sortable?: boolean; record?: object }) => {
  const { source = 'scoreStatus' } = props;
  const record = useRecordContext<Record<string, unknown>>(props as { record?: Record<string, unknown> });
  const translate = useTranslate();
  const status = record?.[source] as keyof typeof COLORS | undefined;
  if (!status) return null;
  return (
    <Chip size="small" color={COLORS[status] ?? 'default'} label={translate(`app.review.score_status.${status}`, { _: status })} data-testid="score-status" />
  );
};
