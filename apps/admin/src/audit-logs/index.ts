import HistoryIcon from '@mui/icons-material/History';
import type { ResourceConfig } from '../types';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

/** 監査ログ: admin and auditor read it (see providers/canAccess.ts); nothing writes it from here. */
export default { list: AuditLogList, show: AuditLogShow, icon: HistoryIcon, recordRepresentation: 'action' } satisfies ResourceConfig;
