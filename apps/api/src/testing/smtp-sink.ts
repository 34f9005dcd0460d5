import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** when the server accepted it (ms since epoch) */
  at: number;
}

export interface SmtpSinkOptions {
  /** wait this long before answering each message (to let a test act mid-batch) */
  acceptDelayMs?: number;
  /**
   * called when a message has been received in full and stored, just before the server answers 250:
   * killing the sender here leaves a mail the server accepted and the sender never heard of
   */
  onAccepted?: (mail: ReceivedMail, count: number) => void;
}

/**
 * A real SMTP server under the test's control: records every message, can answer the next deliveries
 * with an error (e.g. 550 for a permanent refusal, 451 for a temporary one), and answers Mailpit's
 * search API on `reconcileUrl` (`GET /api/v1/search?query=message-id:…`), so the worker can ask it
 * which Message-IDs it has accepted, as it asks Mailpit in development.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
  const received: ReceivedMail[] = [];
  const refusals: { code: number; message: string }[] = [];
  const lookups: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, _session: unknown, callback: (err?: Error & { responseCode?: number }) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (options.acceptDelayMs) await new Promise((r) => setTimeout(r, options.acceptDelayMs));
        const refusal = refusals.shift();
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const mail = await simpleParser(Buffer.concat(chunks));
        const accepted: ReceivedMail = {
          messageId: mail.messageId ?? '',
          to: (Array.isArray(mail.to) ? mail.to.map((a: { text: string }) => a.text).join(', ') : mail.to?.text) ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: String(mail.html ?? ''),
          at: Date.now(),
        };
        received.push(accepted);
        options.onAccepted?.(accepted, received.length);
        callback();
      });
    },
  });
  server.on('error', () => undefined); // a client that dies mid-conversation (a killed worker) is not the sink's failure
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const api: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    if (url.pathname !== '/api/v1/search') return res.writeHead(404).end();
    const term = /^message-id:(.*)$/i.exec(url.searchParams.get('query') ?? '')?.[1]?.replace(/^<|>$/g, '') ?? '';
    lookups.push(term);
    const messages = term
      ? received
          .filter((m) => m.messageId.replace(/^<|>$/g, '').includes(term))
          .map((m) => ({ MessageID: m.messageId.replace(/^<|>$/g, ''), Subject: m.subject }))
      : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total: received.length, messages_count: messages.length, messages }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    reconcileUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    received,
    /** the Message-IDs the worker asked about */
    lookups,
    refuseNext: (code: number, message: string) => refusals.push({ code, message }),
    /** how many times each Message-ID was received */
    countsByMessageId: () => received.reduce((m, r) => m.set(r.messageId, (m.get(r.messageId) ?? 0) + 1), new Map<string, number>()),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => api.close(() => resolve()));
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
