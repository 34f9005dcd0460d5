import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import {
  afterStatedSecond,
  ATTACHMENT_KINDS,
  DAY_MS,
  formatJst,
  formatJstDate,
  formatYen,
  isAttachmentKind,
  jstDate,
  paidInFullInAdvance,
} from '@jimukyoku/domain';
import { findState, findWorkflow, stateHasTag, statesOfKind, type ApplicantStateText } from '@jimukyoku/workflow';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { RequestMeta } from '../../common/request-meta';
import { AppConfig, APP_CONFIG } from '../../config';
import { UnitOfWork, type Transaction } from '../../database';
import type { ChainPart, WriteChain } from '../../database/write-chain';
import { AuditService } from '../audit/audit.service';
import { signStatusLink, verifyStatusLink } from './status-link-token';
import type { StatusLinkOutcome } from './status-link.entity';
import { StatusLinkError } from './status-links.errors';
import { StatusLinksRepository, type StatusFacts } from './status-links.repository';
import type { StatusPageView } from './status-page.html';

/** Openings of the page a client (IP) and a token may make per minute; past either, 429. */
export const STATUS_PAGE_RATE = { windowSeconds: 60, perIp: 60, perToken: 20 } as const;
/** A mail reuses the application's link while it works for at least this many more days (or half its lifetime, if shorter). */
const MIN_DAYS_LEFT = 30;
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * The amount the page shows, as the state says (its `applicant.amount`): none; the estimate (the quote); the 返還額
 * claimed (repayment_claim) less the repayments received, as the mails state it; or the decided one — the 確定額 once fixed, else the 交付決定額 (grant_amount), else the
 * amount decided with the application itself (a 給付金's 給付額).
 */
function amountOf(kind: 'estimate' | 'decided' | 'repayment' | 'none', f: StatusFacts): StatusPageView['amount'] {
  if (kind === 'none') return null;
  if (kind === 'repayment') {
    if (f.repaymentAmount === null) return null;
    // what is left to return, as the mails state it (a 取消 after part of a 概算払's excess came back)
    const repaid = Number(f.repaidAmount);
    const left = formatYen(Number(f.repaymentAmount) - repaid);
    return { label: '返還額', value: repaid > 0 ? `${left}（返還済みの ${formatYen(repaid)} を除く）` : left };
  }
  if (kind === 'estimate') return { label: '金額（見込み）', value: formatYen(Number(f.quotedAmount)) };
  if (f.fixedAmount !== null) return { label: '確定した補助金の額', value: formatYen(Number(f.fixedAmount)) };
  if (f.grantAmount !== null) return { label: '交付決定額', value: formatYen(Number(f.grantAmount)) };
  return { label: '決定した金額', value: formatYen(Number(f.quotedAmount)) };
}

/**
 * What happens next, in the applicant's words: the state's own text, unless the facts say otherwise — the 補正期限
 * passed (`missed`), a 返還's 納期限 (a JST date) passed (not 「納期限までに返還してください」), or the 概算払 already paid
 * the whole 確定額 (nothing more is transferred: the state's nextWhenPaidInAdvance).
 */
function nextStep(text: ApplicantStateText | undefined, f: StatusFacts, now: Date, missed: boolean): string {
  if (missed) return '補正期限を過ぎたため、再提出はできません。この申請の結果は、メールでお知らせします。';
  if (text?.amount === 'repayment' && f.repaymentDueDate && jstDate(now) > f.repaymentDueDate)
    return `返還の納期限（${formatJstDate(f.repaymentDueDate)}）を過ぎています。まだ返還されていない場合は、速やかに返還のうえ、事務局にご連絡ください。`;
  if (text?.nextWhenPaidInAdvance && f.fixedAmount !== null && paidInFullInAdvance(Number(f.fixedAmount), Number(f.advancePaid)))
    return text.nextWhenPaidInAdvance;
  return text?.next ?? '次の手続きが必要になったときは、メールでお知らせします。';
}

export type StatusPageResult = { kind: 'page'; view: StatusPageView } | { kind: 'notFound' } | { kind: 'rateLimited'; retryAfterSeconds: number };

export interface Visitor {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The applicant's status link (README "Status page"): made for an application the first time a mail or an
 * intake answer needs it, signed with STATUS_LINK_SECRET, and opened without a login. Every opening is
 * counted per client address and per token (the rate-limit store, Redis) and logged with its outcome; an
 * unknown, altered, expired or revoked token gets the same 404.
 */
@Injectable()
export class StatusLinksService {
  constructor(
    private readonly links: StatusLinksRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  /**
   * The status page URL of an application, in the caller's transaction: the newest link still in force for a
   * good while, or a new one (after a revocation, or near its expiry).
   */
  async urlFor(applicationId: string, tx: Transaction): Promise<string> {
    const { ttlDays } = this.config.statusLink;
    return this.urlOf(await this.links.usableOrNewLink(applicationId, Math.min(MIN_DAYS_LEFT, Math.floor(ttlDays / 2)), ttlDays, tx));
  }

  /**
   * The status page URL of an application being written by `application`, a part of `chain` (intake: a new
   * application has no link yet), valid once the chain's statement commits: the link, valid for the configured
   * days from `now` (the transaction's clock), is a part of the chain, so it costs no statement of its own.
   */
  newUrlIn(chain: WriteChain, application: ChainPart, now: Date): string {
    const link = { id: randomUUID(), expiresAt: new Date(now.getTime() + this.config.statusLink.ttlDays * DAY_MS) };
    this.links.insertIn(chain, 'status_link', link, application);
    return this.urlOf(link);
  }

  /** urlFor for many applications in one statement (the mail dispatcher's batch), by application id. */
  async urlsFor(applicationIds: string[], tx: Transaction): Promise<Map<string, string>> {
    const { ttlDays } = this.config.statusLink;
    const links = await this.links.usableOrNewLinks(applicationIds, Math.min(MIN_DAYS_LEFT, Math.floor(ttlDays / 2)), ttlDays, tx);
    return new Map(links.map((link) => [link.applicationId, this.urlOf(link)]));
  }

  private urlOf(link: { id: string; expiresAt: Date | string }): string {
    const { secret, publicBaseUrl } = this.config.statusLink;
    return `${publicBaseUrl}/status/${signStatusLink(secret, { linkId: link.id, expiresAt: new Date(link.expiresAt) })}`;
  }

  /** Revokes every link of the application in force (a manager, audited); the next mail carries a new one. */
  async revoke(applicationId: string, user: AuthenticatedUser, meta: RequestMeta) {
    if (!isUuid(applicationId)) throw new StatusLinkError('APPLICATION_NOT_FOUND');
    return this.uow.run(async (tx) => {
      if (!(await this.links.applicationExists(applicationId, tx))) throw new StatusLinkError('APPLICATION_NOT_FOUND');
      const revoked = await this.links.revokeAll(applicationId, tx);
      await this.audit.record(
        { actor: user, action: 'statusLink.revoked', entityType: 'application', entityId: applicationId, changes: { revokedLinkIds: revoked }, ...meta },
        tx,
      );
      return { applicationId, revoked: revoked.length };
    });
  }

  /** One opening of the page: counted, verified, logged. */
  async open(token: string, visitor: Visitor): Promise<StatusPageResult> {
    const verified = verifyStatusLink(this.config.statusLink.secret, token, new Date());
    const signedLinkId = verified.ok || verified.reason === 'expired' ? verified.claims.linkId : null;
    const limited = await this.rateLimited(token, visitor.ip);
    if (limited) {
      // only the first refusal of a window is logged: a flood must not become a flood of rows
      if (limited.first) await this.log(signedLinkId, visitor, 'rateLimited');
      return { kind: 'rateLimited', retryAfterSeconds: limited.retryAfterSeconds };
    }
    if (!verified.ok) {
      await this.log(signedLinkId, visitor, verified.reason);
      return { kind: 'notFound' };
    }
    const link = await this.links.findLink(verified.claims.linkId);
    const refused: StatusLinkOutcome | null = !link
      ? 'unknown'
      : link.revokedAt
        ? 'revoked'
        : new Date(link.expiresAt) <= new Date(link.now)
          ? 'expired'
          : null;
    const facts = link && !refused ? await this.links.facts(link.applicationId) : null;
    if (!link || refused || !facts) {
      await this.log(link ? link.id : null, visitor, refused ?? 'unknown');
      return { kind: 'notFound' };
    }
    await this.log(link.id, visitor, 'shown');
    return { kind: 'page', view: this.view(facts, new Date(link.now)) };
  }

  private view(f: StatusFacts, now: Date): StatusPageView {
    const definition = findWorkflow(f.workflowCode, f.workflowVersion);
    const state = definition ? findState(definition, f.status) : undefined;
    const text = state?.applicant;
    const initial = definition ? statesOfKind('initial', [definition]).includes(f.status) : false;
    const deadlines: StatusPageView['deadlines'] = [];
    const awaitingCorrection = !!definition && !!f.correctionDueAt && stateHasTag(definition, f.status, 'returnedToApplicant');
    if (awaitingCorrection) deadlines.push({ label: '補正期限', at: formatJst(f.correctionDueAt!) });
    // the 補正期限 passed (the case is closed, or about to be; its notice may wait for the 採択発表): not 「再提出してください」
    const missed = awaitingCorrection && now >= afterStatedSecond(new Date(f.correctionDueAt!));
    if (initial) deadlines.push({ label: '応募締切', at: formatJst(f.closesAt) });
    if (text?.amount === 'repayment' && f.repaymentDueDate) deadlines.push({ label: '返還の納期限', at: formatJstDate(f.repaymentDueDate) });
    const amountKind = text?.amount ?? 'none';
    return {
      receiptNumber: f.receiptNumber ?? '（未発行）',
      programName: f.programName,
      roundName: f.roundName,
      categoryName: f.categoryName,
      stateLabel: state?.label ?? '手続き中',
      meaning: missed ? '補正期限までに再提出がありませんでした。' : (text?.meaning ?? '事務局が申請の手続きを進めています。'),
      next: nextStep(text, f, now, missed),
      deadlines,
      documents: f.documents.map((d) => ({ kindLabel: isAttachmentKind(d.kind) ? ATTACHMENT_KINDS[d.kind] : d.kind, fileName: d.fileName })),
      amount: amountOf(amountKind, f),
      asOf: formatJst(now),
      secretariat: { ...this.config.secretariat },
    };
  }

  private async rateLimited(token: string, ip: string | null): Promise<{ retryAfterSeconds: number; first: boolean } | null> {
    const windowMs = STATUS_PAGE_RATE.windowSeconds * 1000;
    const tokenKey = createHash('sha256').update(token).digest('base64url');
    let worst: { retryAfterSeconds: number; first: boolean } | null = null;
    for (const [key, limit] of [
      [`status-page:ip:${ip ?? 'unknown'}`, STATUS_PAGE_RATE.perIp],
      [`status-page:token:${tokenKey}`, STATUS_PAGE_RATE.perToken],
    ] as const) {
      const r = await this.storage.increment(key, windowMs, NO_LIMIT, windowMs, 'status-page');
      if (r.totalHits <= limit) continue;
      const retryAfterSeconds = Math.max(1, r.timeToExpire);
      if (!worst || retryAfterSeconds > worst.retryAfterSeconds) worst = { retryAfterSeconds, first: r.totalHits === limit + 1 };
    }
    return worst;
  }

  private log(linkId: string | null, visitor: Visitor, outcome: StatusLinkOutcome) {
    return this.links.logUse({ linkId, ip: visitor.ip, userAgent: visitor.userAgent, outcome });
  }
}
