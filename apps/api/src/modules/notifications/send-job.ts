import { JobName } from '../../queue';

export const SEND_ATTEMPTS = 8;

/**
 * The BullMQ job that sends one notification. Its id is the notification id, so queueing it twice
 * (the dispatcher and the stranded-notification sweep, two workers) queues it once.
 */
export function sendJob(notificationId: string) {
  return {
    name: JobName.SendNotification,
    data: { notificationId },
    opts: {
      jobId: notificationId,
      attempts: SEND_ATTEMPTS,
      backoff: { type: 'exponential' as const, delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    },
  };
}
