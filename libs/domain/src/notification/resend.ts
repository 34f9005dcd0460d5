/**
 * Which notifications a manager may send again (README "Notifications"): one that went out (送信済), failed (送信失敗)
 * or whose delivery is unknown (要確認). Not one held for the 採択発表 (sending a copy would tell the decision before
 * its announcement, and the original would follow it), nor one cancelled by a later decision (the applicant is told
 * the last decision only), nor one still on its way (it would arrive twice).
 */
export const RESENDABLE_NOTIFICATION_STATUSES = ['sent', 'failed', 'uncertain'] as const;

export function isResendable(status: string): boolean {
  return (RESENDABLE_NOTIFICATION_STATUSES as readonly string[]).includes(status);
}
