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
import { NotificationsRepository, PendingNotification, RenderedNotification } from './notifications.repository';
import { sendJob } from './send-job';

const BATCH = 500;
/** a run goes on with the next batch while batches come back full, for up to this long (the next run goes on after) */
const MAX_RUN_MS = 10_000;
/**
 * ... and while fewer than this many send jobs wait in the mail queue: the outbox keeps the rest `pending` for the
 * next runs, so a 採択発表 is rendered about as fast as it is sent and Redis holds a few thousand send jobs, not all
 * of them (at `MAIL_RATE_PER_SECOND` = 50 a 20,000-mail announcement would otherwise sit in Redis for 7 minutes).
 */
const MAX_WAITING = 2_000;

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
 * application's status page (`{{statusUrl}}`), made in this transaction the first time one is needed, for
 * the whole batch in one statement (StatusLinksService.urlsFor, README "Status page").
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

  /**
   * Releases what is due, then renders and queues batches of BATCH until a batch comes back short (the
   * outbox is empty for now), MAX_WAITING send jobs wait, or MAX_RUN_MS has passed: a 採択発表 of 20,000 is
   * queued at the pace it is sent, not at BATCH per second (the schedule's interval). Each batch is its own
   * transaction, so its mails go out while the next is rendered. Answers how many were queued.
   */
  async handle(): Promise<number> {
    // Decision notices wait for the round's 採択発表 as it stands now (managers move it), others for send_after.
    await this.repo.releaseDueHeld();
    const started = Date.now();
    let queued = 0;
    for (;;) {
      const { claimed, queued: n } = await this.dispatchBatch();
      queued += n;
      if (claimed < BATCH || Date.now() - started > MAX_RUN_MS) return queued;
      if ((await this.queue.getWaitingCount()) >= MAX_WAITING) return queued;
    }
  }

  /**
   * One batch in one transaction: claim, render, store the text with its Message-ID (one UPDATE for the
   * batch), queue the jobs (one addBulk), commit. A crash or a Redis failure before the commit leaves the
   * rows `pending` for the next run; jobs already queued for them wait (the send job refuses a `pending`
   * row and is retried), and the next run's jobs have the same ids, so nothing is queued twice.
   */
  private dispatchBatch(): Promise<{ claimed: number; queued: number }> {
    return this.uow.run(async (tx) => {
      const rows = await this.repo.claimPending(BATCH, tx);
      if (rows.length === 0) return { claimed: 0, queued: 0 };
      const programmes = await this.repo.programmesOf(
        rows.flatMap((n) => (n.applicationId ? [n.applicationId] : [])),
        tx,
      );
      // what each row renders from, then the status links of every applicant mail of the batch in one statement
      const templates = new Map<string, TemplateToRender | null>();
      const plans: { n: PendingNotification; code: string; template: TemplateToRender; programName: string | null; toApplicant: boolean }[] = [];
      // a resend's copy carries the text as the original was sent (NotificationsService.resend): queued as it is
      const asSent = rows.filter((n) => n.subject !== null && n.bodyText !== null && n.templateCode !== null && n.templateVersion !== null);
      for (const n of rows) {
        if (asSent.includes(n)) continue;
        const programme = n.applicationId ? programmes.get(n.applicationId) : undefined;
        const code = templateCodeFor(n.template, programme?.workflowKind);
        if (!templates.has(code)) templates.set(code, templateToRender(code, await this.repo.latestTemplate(code, tx)));
        const template = templates.get(code);
        if (!template) {
          await this.repo.update(n.id, { status: 'failed', lastError: `テンプレート「${code}」がありません` }, tx);
          continue;
        }
        const toApplicant = n.applicationId !== null && (TEMPLATE_INFO[code]?.audience ?? 'applicant') === 'applicant';
        plans.push({ n, code, template, programName: programme?.programName ?? null, toApplicant });
      }
      const statusUrls = await this.statusLinks.urlsFor(
        plans.flatMap((p) => (p.toApplicant ? [p.n.applicationId!] : [])),
        tx,
      );
      const rendered: RenderedNotification[] = plans.map(({ n, code, template, programName, toApplicant }) => {
        const message = renderNotification(code, template.text, n, {
          programName,
          secretariat: this.config.secretariat,
          statusUrl: toApplicant ? statusUrls.get(n.applicationId!)! : null,
        });
        return {
          id: n.id,
          templateCode: code,
          templateVersion: template.version,
          subject: message.subject,
          bodyText: message.text,
          bodyHtml: message.html,
          messageId: n.messageId ?? `<${n.id}@jimukyoku.notifications>`,
        };
      });
      for (const n of asSent) {
        rendered.push({
          id: n.id,
          templateCode: n.templateCode!,
          templateVersion: n.templateVersion!,
          subject: n.subject!,
          bodyText: n.bodyText!,
          bodyHtml: n.bodyHtml,
          messageId: n.messageId ?? `<${n.id}@jimukyoku.notifications>`,
        });
      }
      await this.repo.markQueued(rendered, tx);
      await this.queue.addBulk(rendered.map((n) => sendJob(n.id)));
      return { claimed: rows.length, queued: rendered.length };
    });
  }
}
