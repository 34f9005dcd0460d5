import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ResourceConfig } from '../types';
import { ScoreSheetEdit } from './ScoreSheetEdit';
import { ScoreSheetList } from './ScoreSheetList';

/** 担当する審査: a reviewer's queue (list) and the 採点票 (edit = the scoring form), providers/canAccess.ts. */
export default {
  list: ScoreSheetList,
  edit: ScoreSheetEdit,
  icon: RateReviewIcon,
  recordRepresentation: (r: { receiptNumber?: string | null; applicantName?: string }) => [r.receiptNumber, r.applicantName].filter(Boolean).join(' '),
} satisfies ResourceConfig;
