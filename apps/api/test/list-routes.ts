/** Every list route of the app (GET, answering with Content-Range), with a role that may read it. */
export const LIST_ROUTES: [string, 'admin' | 'manager' | 'auditor'][] = [
  ['/api/users', 'admin'],
  ['/api/audit-logs', 'auditor'],
  ['/api/programs', 'admin'],
  ['/api/rule-sets', 'admin'],
  ['/api/categories', 'admin'],
  ['/api/rounds', 'manager'],
  ['/api/applications', 'manager'],
  ['/api/review-rubrics', 'manager'],
  ['/api/reviewers', 'manager'],
  ['/api/conflicts-of-interest', 'manager'],
  ['/api/review-assignments', 'manager'],
  ['/api/score-sheets', 'manager'],
  ['/api/intake-channels', 'admin'],
  ['/api/imports', 'manager'],
  ['/api/notifications', 'manager'],
  ['/api/notification-templates', 'manager'],
  ['/api/workflows', 'manager'],
  ['/api/commercialization-reports', 'manager'],
  ['/api/application-exports', 'manager'],
  ['/api/application-memos', 'manager'],
  ['/api/applications/{id}/attachments', 'manager'],
  ['/api/inquiries', 'manager'],
  ['/api/bank-accounts', 'manager'],
  ['/api/payment-batches', 'manager'],
];

/**
 * The URL of a list route. A list under an application gets `applicationId`, or a UUID no application
 * has (its query is checked before the application is looked up).
 */
export const listUrl = (path: string, applicationId = '00000000-0000-4000-8000-000000000000') => path.replace('{id}', applicationId);
