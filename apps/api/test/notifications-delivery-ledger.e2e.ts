import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import { startMailCatcher } from '../src/dev/mail-catcher';
import { MailpitDeliveryLedger } from '../src/modules/notifications/delivery-ledger';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** The development mail catcher answers the delivery lookup as Mailpit does, so `npm start` reconciles too. */
describe('the delivery lookup against the embedded mail catcher', () => {
  it('finds a Message-ID the catcher received, exactly, and no other', async () => {
    const [smtpPort, webPort] = [await freePort(), await freePort()];
    const catcher = await startMailCatcher(smtpPort, webPort);
    try {
      const mailer = nodemailer.createTransport(`smtp://127.0.0.1:${smtpPort}`);
      await mailer.sendMail({
        from: 'no-reply@jimukyoku.example.jp',
        to: 'a@example.jp',
        subject: '件名',
        text: '本文',
        messageId: '<abc-123@jimukyoku.notifications>',
      });
      mailer.close();
      const ledger = new MailpitDeliveryLedger(catcher.webUrl);
      expect(await ledger.lookup('<abc-123@jimukyoku.notifications>')).toBe('accepted');
      expect(await ledger.lookup('abc-123@jimukyoku.notifications')).toBe('accepted');
      expect(await ledger.lookup('<abc-12@jimukyoku.notifications>')).toBe('absent');
      expect(await ledger.lookup('<other@jimukyoku.notifications>')).toBe('absent');
    } finally {
      await catcher.close();
    }
  });

  it('reports a lookup that cannot answer as an error (the send waits), not as absent', async () => {
    await expect(new MailpitDeliveryLedger(`http://127.0.0.1:${await freePort()}`, 1_000).lookup('<x@y>')).rejects.toThrow();
  });
});
