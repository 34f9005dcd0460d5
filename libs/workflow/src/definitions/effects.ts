// Shorthands for the declarative effects, so the definition tables read as one line per idea.
import type { Effect } from '../engine/definition';

export const notify = (template: string): Effect => ({ type: 'notifyApplicant', template });
export const stamp = (field: string): Effect => ({ type: 'stamp', field });
export const requireReason: Effect = { type: 'requireReason' };
export const holdUntilAnnouncement: Effect = { type: 'holdNotificationsUntilAnnouncement' };
