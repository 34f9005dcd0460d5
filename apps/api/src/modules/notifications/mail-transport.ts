import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface DeliveryResult {
  /** the server's final answer, e.g. "250 2.0.0 Ok: queued as 1234" */
  response: string;
}

/** Raised when the server refused for good (5xx, invalid address): retrying cannot help. */
export class PermanentDeliveryError extends Error {}

/**
 * Raised when a send failed in a way that could be retried. `mayHaveBeenAccepted` is true when the
 * failure came without an answer from the server after the message may have reached it (a connection
 * lost or timed out mid-conversation): the next attempt must reconcile before sending again.
 */
export class TransientDeliveryError extends Error {
  constructor(
    message: string,
    readonly mayHaveBeenAccepted: boolean,
  ) {
    super(message);
  }
}

/** Where mail goes out; SMTP here, an API-based provider can implement the same method. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<DeliveryResult>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** nodemailer's error, as far as it tells where the conversation stopped */
interface SmtpError extends Error {
  responseCode?: number;
  code?: string;
  /** the system error beneath, e.g. ECONNREFUSED */
  originalCode?: string;
}

/** failures that happen before any server is reached */
const NOT_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EDNS']);

/**
 * Sorts a failed SMTP send: a 5xx is permanent; a 4xx or a failure to connect means the server has
 * not taken the message; anything else without an answer (connection dropped, timeout during DATA)
 * leaves open whether it did.
 */
export function classifySmtpError(e: SmtpError): PermanentDeliveryError | TransientDeliveryError {
  const code = e.responseCode;
  if (code !== undefined && code >= 500) return new PermanentDeliveryError(`${code} ${e.message}`);
  if (code !== undefined) return new TransientDeliveryError(e.message, false);
  const notReached = NOT_REACHED.has(e.originalCode ?? '') || NOT_REACHED.has(e.code ?? '');
  return new TransientDeliveryError(e.message, !notReached);
}

export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  /**
   * A pool of `maxConnections` SMTP connections, each reused for up to 100 messages. (The options go
   * beside the URL: given as createTransport's second argument they would be message defaults, and
   * every mail would open a connection of its own.)
   */
  constructor(smtpUrl: string, maxConnections = 5) {
    this.transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections, maxMessages: 100 });
  }

  async send(mail: OutgoingMail): Promise<DeliveryResult> {
    try {
      const info = await this.transporter.sendMail({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
      return { response: String(info.response ?? '') };
    } catch (e) {
      throw classifySmtpError(e as SmtpError);
    }
  }

  close() {
    this.transporter.close();
  }
}
