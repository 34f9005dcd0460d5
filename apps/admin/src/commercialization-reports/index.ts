import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import type { ResourceConfig } from '../types';
import { CommercializationReportList } from './CommercializationReportList';

/** 事業化状況報告: the yearly reports' schedule and the overdue list (managers follow up, auditors read). */
export default { list: CommercializationReportList, icon: EventRepeatIcon } satisfies ResourceConfig;
