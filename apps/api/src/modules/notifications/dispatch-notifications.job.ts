import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { TEMPLATE_INFO, templateCodeFor } from '@jimukyoku/domain';
import type { Queue } from 'bullmq';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork } from '../../database';
import { JobName, QueueName } from '../../queue';
import { StatusLinksService } from '../status-links/status-links.service';
import type { JobHandler } from '../../worker/job-handler';
import { renderNotification, templateToRender, TemplateToRender } from './notification-renderer';
import { NotificationsRepository } from './notifications.repository';
import { sendJob } from './send-job';

const BATCH = 500;

/**
 * The outbox dispatcher (a repeatable job): releases held notices whose time has come, renders and
 * stores the pending ones (the text as it will be sent, its Message-ID), and queues one send job per
 * notification with the notification id as job id. Rows are claimed with SKIP LOCKED, so several
 * workers share the work; queueing happens before the claim commits, so a Redis failure leaves the
 * rows pending for the next round, and a job id that is already queued is not queued twice.
 *
 * The text comes from the template of the application's programme: `templateCodeFor(name, workflowKind)`
 * picks the variant of the transition's template name for the programme's workflow kind (給付金 wording for
 * a benefit), recorded as `template_code` with its version; the programme's name is read now, and the
 * secretariat's contact comes from the config (SECRETARIAT_*). A mail to an applicant carries the link to the
 * application's status page (`{{statusUrl}}`), made in this transaction the first time one is needed
 * (StatusLinksService.urlFor, README "Status page").
 */
@Injectable()
export class DispatchNotificationsJob implements JobHandler<JobName.DispatchNotifications> {
  readonly jobName = JobName.DispatchNotifications;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: NotificationsRepository,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly statusLinks: StatusLinksService,
  ) {}

  async handle(): Promise<number> {
    // Decision notices wait for the round's 採択発表 as it stands now (managers move it), others for send_after.
    await this.repo.releaseDueHeld();
    return this.uow.run(async (tx) => {
      const rows = await this.repo.claimPending(BATCH, tx);
      if (rows.length === 0) return 0;
      const programmes = await this.repo.programmesOf(
        rows.flatMap((n) => (n.applicationId ? [n.applicationId] : [])),
        tx,
      );
      const templates = new Map<string, TemplateToRender | null>();
      const queued: typeof rows = [];
      const statusUrls = new Map<string, string>();
      const statusUrlOf = async (applicationId: string) => {
        if (!statusUrls.has(applicationId)) statusUrls.set(applicationId, await this.statusLinks.urlFor(applicationId, tx));
        return statusUrls.get(applicationId)!;
      };
      for (const n of rows) {
        const programme = n.applicationId ? programmes.get(n.applicationId) : undefined;
        const code = templateCodeFor(n.template, programme?.workflowKind);
        if (!templates.has(code)) templates.set(code, templateToRender(code, await this.repo.latestTemplate(code, tx)));
        const template = templates.get(code);
        if (!template) {
          await this.repo.update(n.id, { status: 'failed', lastError: `テンプレート「${code}」がありません` }, tx);
          continue;
        }
        const toApplicant = n.applicationId !== null && (TEMPLATE_INFO[code]?.audience ?? 'applicant') === 'applicant';
        const rendered = renderNotification(code, template.text, n, {
          programName: programme?.programName ?? null,
          secretariat: this.config.secretariat,
          statusUrl: toApplicant ? await statusUrlOf(n.applicationId!) : null,
        });
        queued.push(n);
        await this.repo.update(
          n.id,
          {
            status: 'queued',
            templateCode: code,
            templateVersion: template.version,
            subject: rendered.subject,
            bodyText: rendered.text,
            bodyHtml: rendered.html,
            messageId: n.messageId ?? `<${n.id}@jimukyoku.notifications>`,
            queuedAt: new Date(),
          },
          tx,
        );
      }
      await this.queue.addBulk(queued.map((n) => sendJob(n.id)));
      return queued.length;
    });
  }
}
