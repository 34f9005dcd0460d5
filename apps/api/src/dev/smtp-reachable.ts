import { connect } from 'node:net';

/** Whether something answers on the SMTP URL's host and port (a quick TCP connect). */
export function smtpReachable(smtpUrl: string, timeoutMs = 1_000): Promise<boolean> {
  const url = new URL(smtpUrl);
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 25));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
