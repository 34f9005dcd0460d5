import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceConfig } from '../types';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

/** 申請: list and show only; they change by workflow transitions, never by editing (providers/canAccess.ts). */
export default {
  list: ApplicationList,
  show: ApplicationShow,
  icon: AssignmentIcon,
  recordRepresentation: (record: { receiptNumber?: string | null; applicantName?: string }) =>
    [record.receiptNumber, record.applicantName].filter(Boolean).join(' '),
} satisfies ResourceConfig;
