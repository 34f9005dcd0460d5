import { useCanAccess, useRecordContext } from 'react-admin';
import { ConfirmedDeleteButton } from '../common';

/** 取消 of an open assignment (DELETE; a submitted one cannot be revoked). */
export const RevokeButton = () => {
  const record = useRecordContext<{ submittedAt: string | null; revokedAt: string | null; applicantName?: string }>();
  const { canAccess } = useCanAccess({ resource: 'review-assignments', action: 'delete' });
  if (!record || !canAccess || record.submittedAt || record.revokedAt) return null;
  return (
    <ConfirmedDeleteButton
      label="app.review.board.revoke"
      resource="review-assignments"
      successMessage="app.review.board.revoked"
      redirect={false}
      translateOptions={{ name: record.applicantName ?? '' }}
    />
  );
};
