import { DEFAULT_TEMPLATES } from '@jimukyoku/domain';
import { NotificationTemplate } from '../modules/notification-templates/notification-template.entity';
import type { SeedStep } from './seed-step';

/** Version 1 of every notification template, unless the template already has versions. */
export const notificationTemplatesSeed: SeedStep = {
  name: 'notification templates',
  kind: 'reference',
  async run(m) {
    let created = 0;
    for (const [code, text] of Object.entries(DEFAULT_TEMPLATES)) {
      if (await m.existsBy(NotificationTemplate, { code })) continue;
      await m.insert(NotificationTemplate, { code, version: 1, subject: text.subject, bodyText: text.bodyText });
      created++;
    }
    return created ? `created ${created} templates` : 'already present';
  },
};
