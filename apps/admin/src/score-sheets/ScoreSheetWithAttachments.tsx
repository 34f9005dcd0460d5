import { useGetOne } from 'react-admin';
import { useParams } from 'react-router';
import { WithAttachments } from '../attachments';
import type { ScoreSheet } from '../review/types';
import { ScoreSheetEdit } from './ScoreSheetEdit';

/**
 * The 採点票 with the application's 添付書類 beside it, so the reviewer reads the business plan while
 * scoring. The sheet comes from the same query as ScoreSheetEdit's (react-query shares it: no second request).
 */
export const ScoreSheetWithAttachments = () => {
  const { id = '' } = useParams();
  const { data } = useGetOne<ScoreSheet>('score-sheets', { id });
  return (
    <WithAttachments applicationId={data?.applicationId}>
      <ScoreSheetEdit />
    </WithAttachments>
  );
};
