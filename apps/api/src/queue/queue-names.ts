/** Every BullMQ queue of the product. A queue's jobs are declared in jobs.ts. */
export enum QueueName {
  System = 'system',
  Imports = 'imports',
  Notifications = 'notifications',
  /** the only queue that talks to the SMTP server: rate-limited for every worker together */
  Mail = 'mail',
  /** application exports too large to answer at once (modules/application-exports) */
  Exports = 'exports',
}
