import { QueueName } from './queue-names';

/**
 * Every job name with its queue. Payloads carry ids, never records: the database is the truth.
 * The worker refuses to start unless each job here has exactly one handler.
 */
export enum JobName {
  WorkerHeartbeat = 'system.heartbeat',
  RunImport = 'imports.run',
  DispatchNotifications = 'notifications.dispatch',
  SendNotification = 'notifications.send',
  /** scheduled: queue again the send job of notifications whose job is gone */
  RequeueStrandedNotifications = 'notifications.requeueStranded',
  /** scheduled: close rounds whose deadline (+ grace) has passed */
  CloseRounds = 'schedules.closeRounds',
  /** scheduled: remind reviewers of assignments due soon */
  RemindReviewers = 'schedules.remindReviewers',
  /** scheduled (08:00 JST): the managers' daily digest */
  SendManagerDigest = 'schedules.managerDigest',
  /** scheduled: remind applicants of a returned application whose 補正期限 is near */
  RemindCorrections = 'schedules.remindCorrections',
  /** scheduled: remind applicants of a yearly 事業化状況報告 due soon */
  RemindCommercializationReports = 'schedules.remindCommercializationReports',
  /** scheduled: close returned applications whose 補正期限 has passed (closeUncorrected) */
  CloseUncorrected = 'schedules.closeUncorrected',
  /** scheduled: append newly committed audit records to the hash chain */
  SealAuditLog = 'audit.seal',
  /** scheduled: remove uploaded attachments never linked to an application after ATTACHMENT_ORPHAN_HOURS */
  RemoveOrphanAttachments = 'schedules.removeOrphanAttachments',
  /** writes one application export's file (the job id is the export id) */
  RunApplicationExport = 'exports.applications',
  /** scheduled: remove stored export files older than EXPORT_RETENTION_HOURS */
  RemoveExpiredExports = 'exports.removeExpired',
  /** scheduled: fold the dashboard's count changes into its kept counts */
  FoldPipelineCounts = 'pipeline.foldCounts',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.WorkerHeartbeat]: QueueName.System,
  [JobName.RunImport]: QueueName.Imports,
  [JobName.DispatchNotifications]: QueueName.Notifications,
  [JobName.SendNotification]: QueueName.Mail,
  [JobName.RequeueStrandedNotifications]: QueueName.Notifications,
  [JobName.CloseRounds]: QueueName.System,
  [JobName.RemindReviewers]: QueueName.System,
  [JobName.SendManagerDigest]: QueueName.System,
  [JobName.RemindCorrections]: QueueName.System,
  [JobName.RemindCommercializationReports]: QueueName.System,
  [JobName.CloseUncorrected]: QueueName.System,
  [JobName.SealAuditLog]: QueueName.System,
  [JobName.RemoveOrphanAttachments]: QueueName.System,
  [JobName.RunApplicationExport]: QueueName.Exports,
  [JobName.RemoveExpiredExports]: QueueName.System,
  [JobName.FoldPipelineCounts]: QueueName.System,
};

export interface JobPayloads {
  [JobName.WorkerHeartbeat]: Record<string, never>;
  [JobName.RunImport]: { importId: string };
  [JobName.DispatchNotifications]: Record<string, never>;
  [JobName.SendNotification]: { notificationId: string };
  [JobName.RequeueStrandedNotifications]: Record<string, never>;
  [JobName.CloseRounds]: Record<string, never>;
  [JobName.RemindReviewers]: Record<string, never>;
  [JobName.SendManagerDigest]: Record<string, never>;
  [JobName.RemindCorrections]: Record<string, never>;
  [JobName.RemindCommercializationReports]: Record<string, never>;
  [JobName.CloseUncorrected]: Record<string, never>;
  [JobName.SealAuditLog]: Record<string, never>;
  [JobName.RemoveOrphanAttachments]: Record<string, never>;
  [JobName.RunApplicationExport]: { exportId: string };
  [JobName.RemoveExpiredExports]: Record<string, never>;
  [JobName.FoldPipelineCounts]: Record<string, never>;
}
