import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isResendable } from '@jimukyoku/domain';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery } from '../../common/list-query';
import { UnitOfWork } from '../../database';
import { AuditService } from '../audit/audit.service';
import { NotificationFilter, NotificationsRepository } from './notifications.repository';

const notFound = () => new NotFoundException({ code: 'NOTIFICATION_NOT_FOUND', message: '指定された通知はありません。' });

/** Why a notification is not sent again (isResendable), by its status. */
const NOT_RESENDABLE: Record<string, string> = {
  held: 'この通知は結果の発表（採択発表）まで保留中です。発表の前に申請者へ送ることはできません（発表の時に送信されます）。',
  cancelled: 'この通知は後の決定により取り消されています。申請者には最後の決定だけを知らせるため、再送できません。',
  pending: 'この通知はまだ送信の途中です。送信の結果を確認してから、必要なら再送してください。',
};

/** Reading notifications (the message as sent) and resending one as a new, audited notification. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: NotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery<NotificationFilter>) {
    return this.repo.list(query);
  }

  async get(id: string) {
    const row = isUuid(id) ? await this.repo.findById(id) : null;
    if (!row) throw notFound();
    return row;
  }

  /**
   * 要確認 (uncertain) settled by a person: the mail server's log (or the applicant) shows the message
   * arrived, so the notification is recorded as sent — never sent again — with the manager's note.
   */
  confirmDelivered(actor: AuthenticatedUser, id: string, note: string) {
    return this.uow.run(async (tx) => {
      const n = isUuid(id) ? await this.repo.lockById(id, tx) : null;
      if (!n) throw notFound();
      if (n.status !== 'uncertain') {
        throw new ConflictException({ code: 'NOT_UNCERTAIN', message: '送信済みか不明 (要確認) の通知だけを送信済みにできます。' });
      }
      await this.repo.update(id, { status: 'sent', sentAt: n.sendStartedAt ?? new Date(), lastError: null, smtpResponse: `担当者が配信を確認: ${note}` }, tx);
      await this.audit.record(
        { actor, action: 'notification.confirmedDelivered', entityType: 'notification', entityId: id, fromStatus: 'uncertain', toStatus: 'sent', reason: note },
        tx,
      );
      return this.repo.getById(id, tx);
    });
  }

  /**
   * A new notification with the same content (optionally to a corrected address): the text as the original was
   * rendered, or, if it never was, rendered like any other; the original stays as it was.
   * One resend to an address at a time: while one waits to be sent, another is refused (409), so a double click
   * or two managers at once do not mail the applicant twice. The original is locked for that check.
   */
  resend(actor: AuthenticatedUser, id: string, recipient?: string) {
    return this.uow.run(async (tx) => {
      const original = isUuid(id) ? await this.repo.lockById(id, tx) : null;
      if (!original) throw notFound();
      if (!isResendable(original.status))
        throw new ConflictException({ code: 'NOT_RESENDABLE', message: NOT_RESENDABLE[original.status] ?? NOT_RESENDABLE.pending, status: original.status });
      const to = recipient?.trim().toLowerCase() || original.recipient;
      const waiting = await this.repo.pendingResendOf(original.id, to, tx);
      if (waiting)
        throw new ConflictException({
          code: 'RESEND_PENDING',
          message: `この通知の ${to} への再送は既に予約されています（送信待ち）。送信の結果を確認してから、必要なら再送してください。`,
          resendId: waiting.id,
        });
      const copy = await this.repo.insert(
        {
          applicationId: original.applicationId,
          template: original.template,
          recipient: to,
          status: 'pending',
          sendAfter: null,
          heldUntilAnnouncement: false,
          payload: { ...original.payload, resentFrom: original.id },
          // the text as the original was sent, not as the template reads since (an edit between would change it)
          ...(original.templateVersion !== null
            ? {
                templateCode: original.templateCode,
                templateVersion: original.templateVersion,
                subject: original.subject,
                bodyText: original.bodyText,
                bodyHtml: original.bodyHtml,
              }
            : {}),
          auditId: original.auditId,
          attempts: 0,
        },
        tx,
      );
      await this.audit.record(
        { actor, action: 'notification.resent', entityType: 'notification', entityId: copy.id, changes: { from: original.id, recipient: copy.recipient } },
        tx,
      );
      return copy;
    });
  }
}
