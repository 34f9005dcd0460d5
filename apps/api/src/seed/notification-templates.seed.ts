import { DEFAULT_TEMPLATES } from '@jimukyoku/domain';
import { NotificationTemplate } from '../modules/notification-templates/notification-template.entity';
import type { SeedStep } from './seed-step';

/**
 * Version 1 of every notification template of the catalogue (the variants per workflow kind too). A
 * template nobody has edited (its latest version written by the seed, `created_by` null) follows the
 * built-in text: when that text changed (a release rewording the mails) the seed adds it as the next
 * version, so the history keeps what was sent before. A manager's edit is never replaced.
 */
export const notificationTemplatesSeed: SeedStep = {
  name: 'notification templates',
  kind: 'reference',
  async run(m) {
    let created = 0;
    let updated = 0;
    for (const [code, text] of Object.entries(DEFAULT_TEMPLATES)) {
      const latest = await m.findOne(NotificationTemplate, { where: { code }, order: { version: 'DESC' } });
      if (!latest) {
        await m.insert(NotificationTemplate, { code, version: 1, subject: text.subject, bodyText: text.bodyText });
        created++;
      } else if (latest.createdBy === null && (latest.subject !== text.subject || latest.bodyText !== text.bodyText)) {
        await m.insert(NotificationTemplate, { code, version: latest.version + 1, subject: text.subject, bodyText: text.bodyText });
        updated++;
      }
    }
    if (!created && !updated) return 'already present';
    return [created ? `created ${created} templates` : null, updated ? `updated ${updated} unedited templates to the built-in text` : null]
      .filter(Boolean)
      .join(', ');
  },
};
