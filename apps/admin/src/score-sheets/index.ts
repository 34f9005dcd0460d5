import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ResourceConfig } from '../types';
import { ScoreSheetList } from './ScoreSheetList';
import { ScoreSheetWithAttachments } from './ScoreSheetWithAttachments';

/** 担当する審査: a reviewer's queue (list) and the 採点票 (edit = the scoring form, the 添付書類 beside it), providers/canAccess.ts. */
export default {
  list: ScoreSheetList,
  edit: ScoreSheetWithAttachments,
  icon: RateReviewIcon,
  recordRepresentation: (r: { receiptNumber?: string | null; applicantName?: string }) => [r.receiptNumber, r.applicantName].filter(Boolean).join(' '),
} satisfies ResourceConfig;
