/**
 * What the mail server says about one Message-ID: it has accepted that message (`accepted`), it has
 * not (`absent`), or there is nobody to ask (`unknown`).
 */
export type LedgerAnswer = 'accepted' | 'absent' | 'unknown';

/**
 * Asked before a send that may already have happened is tried again (an attempt that was interrupted
 * between handing the message to the server and recording the answer). Throwing means "cannot tell
 * right now" (the lookup is down): the job is retried later and nothing is sent meanwhile.
 */
export interface DeliveryLedger {
  lookup(messageId: string): Promise<LedgerAnswer>;
}

export const DELIVERY_LEDGER = Symbol('DELIVERY_LEDGER');

/** For a relay without a lookup: every interrupted send is `unknown` and ends `uncertain`. */
export class NoDeliveryLedger implements DeliveryLedger {
  async lookup(): Promise<LedgerAnswer> {
    return 'unknown';
  }
}

const bare = (messageId: string) => messageId.trim().replace(/^<|>$/g, '');

/**
 * Mailpit's search API (`GET /api/v1/search?query=message-id:…`), which the embedded development mail
 * catcher and the tests' SMTP server answer too. Mailpit matches a substring, so the Message-IDs of
 * the hits are compared exactly.
 */
export class MailpitDeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async lookup(messageId: string): Promise<LedgerAnswer> {
    const id = bare(messageId);
    const url = new URL('/api/v1/search', this.baseUrl);
    url.searchParams.set('query', `message-id:${id}`);
    url.searchParams.set('limit', '10');
    const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`delivery lookup at ${url.origin} answered ${res.status}`);
    const body = (await res.json()) as { messages?: { MessageID?: string }[] };
    if (!Array.isArray(body.messages)) throw new Error(`delivery lookup at ${url.origin} did not answer a message list`);
    return body.messages.some((m) => bare(m.MessageID ?? '') === id) ? 'accepted' : 'absent';
  }
}

export function deliveryLedgerFor(reconcileUrl: string | null): DeliveryLedger {
  return reconcileUrl ? new MailpitDeliveryLedger(reconcileUrl) : new NoDeliveryLedger();
}
