import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import { Notification } from './notification.entity';

export interface NotificationFilter {
  id?: string[];
  status?: string | string[];
  template?: string;
  applicationId?: string;
  /** the notifications of one 公募回's applications */
  roundId?: string;
  q?: string;
}

export const NOTIFICATION_SORTABLE = ['createdAt', 'sentAt', 'status', 'template', 'recipient'] as const;
export const NOTIFICATION_LIST: ListSpec = { sortable: NOTIFICATION_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: { status: 'strings', template: 'string', applicationId: 'uuid', roundId: 'uuid', q: 'string' } };
const notFound = () => new NotFoundException({ code: 'NOTIFICATION_NOT_FOUND', message: '指定された通知はありません。' });

/** Reading notifications (the message as sent) and resending one as a new, audited notification. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery<NotificationFilter>) {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n');
    const f = query.filter;
    if (f.id) qb.andWhere('n.id IN (:...ids)', { ids: f.id });
    if (f.status) qb.andWhere('n.status IN (:...statuses)', { statuses: ([] as string[]).concat(f.status) });
    if (f.template) qb.andWhere('n.template = :template', { template: f.template });
    if (f.applicationId) qb.andWhere('n.application_id = :applicationId', { applicationId: f.applicationId });
    if (f.roundId) qb.andWhere('n.application_id IN (SELECT a.id FROM application a WHERE a.round_id::text = :roundId)', { roundId: f.roundId });
    if (f.q) qb.andWhere('(n.recipient ILIKE :q OR n.subject ILIKE :q)', { q: `%${f.q}%` });
    return qb.orderBy(`n.${query.sortField}`, query.sortOrder, 'NULLS LAST').addOrderBy('n.id').skip(query.offset).take(query.limit).getManyAndCount();
  }

  async get(id: string) {
    const row = isUuid(id) ? await this.dataSource.getRepository(Notification).findOneBy({ id }) : null;
    if (!row) throw notFound();
    return row;
  }

  /**
   * 要確認 (uncertain) settled by a person: the mail server's log (or the applicant) shows the message
   * arrived, so the notification is recorded as sent — never sent again — with the manager's note.
   */
  confirmDelivered(actor: AuthenticatedUser, id: string, note: string) {
    return this.dataSource.transaction(async (m) => {
      const n = isUuid(id) ? await m.findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!n) throw notFound();
      if (n.status !== 'uncertain') {
        throw new ConflictException({ code: 'NOT_UNCERTAIN', message: '送信済みか不明 (要確認) の通知だけを送信済みにできます。' });
      }
      await m.update(Notification, { id }, { status: 'sent', sentAt: n.sendStartedAt ?? new Date(), lastError: null, smtpResponse: `担当者が配信を確認: ${note}` });
      await this.audit.record({ actor, action: 'notification.confirmedDelivered', entityType: 'notification', entityId: id, fromStatus: 'uncertain', toStatus: 'sent', reason: note }, m);
      return m.findOneByOrFail(Notification, { id });
    });
  }

  /** A new notification with the same content (optionally to a corrected address); the original stays as it was. */
  resend(actor: AuthenticatedUser, id: string, recipient?: string) {
    return this.dataSource.transaction(async (m) => {
      const original = isUuid(id) ? await m.findOneBy(Notification, { id }) : null;
      if (!original) throw notFound();
      const copy = await m.save(
        m.create(Notification, {
          applicationId: original.applicationId,
          template: original.template,
          recipient: recipient?.trim().toLowerCase() || original.recipient,
          status: 'pending',
          sendAfter: null,
          heldUntilAnnouncement: false,
          payload: { ...original.payload, resentFrom: original.id },
          auditId: original.auditId,
          attempts: 0,
        }),
      );
      await this.audit.record({ actor, action: 'notification.resent', entityType: 'notification', entityId: copy.id, changes: { from: original.id, recipient: copy.recipient } }, m);
      return copy;
    });
  }
}
