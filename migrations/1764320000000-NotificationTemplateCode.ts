import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates per workflow kind (README "Templates"): a notification keeps the name its transition gave
 * (`template`, e.g. `received`) and, once rendered, the catalogue code its text came from
 * (`template_code`, e.g. `benefit.received` for 事業復活支援金), whose version `template_version` is.
 * Notifications rendered before this change came from the plain name.
 */
export class NotificationTemplateCode1764320000000 implements MigrationInterface {
  name = 'NotificationTemplateCode1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN template_code text`);
    await q.query(`UPDATE notification SET template_code = template WHERE template_version IS NOT NULL`);
    await q.query(`CREATE INDEX notification_template_code_idx ON notification (template_code, template_version) WHERE template_code IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_template_code_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN template_code`);
  }
}
