import { Notification, type NotificationProps } from 'react-admin';

/**
 * Messages ("保存しました", a refusal) at the top of the window, over the app bar: at react-admin's default place,
 * the bottom, they covered the action bars of the 採点票 and the 要件確認 (提出, 差し戻す) and stayed there while the
 * pointer rested on them.
 */
export const TopNotification = (props: NotificationProps) => <Notification {...props} anchorOrigin={{ vertical: 'top', horizontal: 'center' }} />;
