import MailOutlineIcon from '@mui/icons-material/EmailOutlined';
import type { ResourceConfig } from '../types';
import { NotificationList } from './NotificationList';
import { NotificationShow } from './NotificationShow';

/** 通知: mail to applicants; admin, manager and auditor read it, a manager resends (providers/canAccess.ts). */
export default { list: NotificationList, show: NotificationShow, icon: MailOutlineIcon, recordRepresentation: 'subject' } satisfies ResourceConfig;
