import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface AssignmentRecord {
  submittedAt: string | null;
  revokedAt: string | null;
  dueAt: string | null;
}

/** 未提出 / 期限超過 / 提出済 / 取消 from the assignment's instants. */
export const AssignmentStateChip = (_props: { label?: string }) => {
  const r = useRecordContext<AssignmentRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const state = r.revokedAt ? 'revoked' : r.submittedAt ? 'submitted' : r.dueAt && new Date(r.dueAt).getTime() < Date.now() ? 'overdue' : 'open';
  const colour = { revoked: 'default', submitted: 'success', overdue: 'error', open: 'info' } as const;
  return <Chip size="small" color={colour[state]} label={translate(`app.review.assignment_state.${state}`)} data-testid="assignment-state" />;
};
