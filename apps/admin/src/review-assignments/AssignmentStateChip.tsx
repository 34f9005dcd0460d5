import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

type AssignmentState = 'open' | 'submitted' | 'revoked' | 'overdue' | 'waiting';

interface AssignmentRecord {
  /** the API's own reading (lists): `waiting` when the application waits on the applicant or has ended */
  state?: AssignmentState;
  submittedAt: string | null;
  revokedAt: string | null;
  dueAt: string | null;
}

/** 未提出 / 期限超過 / 申請者対応待ち・終了 / 提出済 / 取消: the API's state, else read from the assignment's instants. */
export const AssignmentStateChip = (_props: { label?: string }) => {
  const r = useRecordContext<AssignmentRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const state: AssignmentState =
    r.state ?? (r.revokedAt ? 'revoked' : r.submittedAt ? 'submitted' : r.dueAt && new Date(r.dueAt).getTime() < Date.now() ? 'overdue' : 'open');
  const colour = { revoked: 'default', submitted: 'success', overdue: 'error', open: 'info', waiting: 'default' } as const;
  return <Chip size="small" color={colour[state]} label={translate(`app.review.assignment_state.${state}`)} data-testid="assignment-state" />;
};
