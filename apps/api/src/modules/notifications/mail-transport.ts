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

/** Where mail goes out; SMTP here, an API-based provider can implement the same method. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<DeliveryResult>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    this.transporter = nodemailer.createTransport(smtpUrl, { pool: true, maxConnections: 5 } as never);
  }

  async send(mail: OutgoingMail): Promise<DeliveryResult> {
    try {
      const info = await this.transporter.sendMail({ ...mail, headers: { 'Auto-Submitted': 'auto-generated' } });
      return { response: String(info.response ?? '') };
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new PermanentDeliveryError(`${code} ${(e as Error).message}`);
      throw e;
    }
  }

  close() {
    this.transporter.close();
  }
}
