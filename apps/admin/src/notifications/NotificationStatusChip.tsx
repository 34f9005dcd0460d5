import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { notificationStatusColor, type NotificationRecord } from './notification';

/** 状態: 保留 / 送信待ち / キュー投入 / 送信中 / 送信済 / 失敗 / 取消 (the code as tooltip). */
export const NotificationStatusChip = ({ size = 'small' }: { label?: string; sortBy?: string; sortable?: boolean; size?: 'small' | 'medium' }) => {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  const color = notificationStatusColor(record.status);
  return (
    <Chip
      size={size}
      color={color}
      variant={color === 'default' ? 'outlined' : 'filled'}
      label={translate(`app.notifications.statuses.${record.status}`, { _: record.status })}
      title={record.status}
      data-testid="notification-status"
    />
  );
};
