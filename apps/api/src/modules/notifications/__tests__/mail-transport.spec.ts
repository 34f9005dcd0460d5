import { classifySmtpError, PermanentDeliveryError, TransientDeliveryError } from '../mail-transport';

const smtpError = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe('classifySmtpError: may the server have taken the message?', () => {
  it.each([
    ['a 5xx is permanent', smtpError('Mailbox unavailable', { responseCode: 550, code: 'EENVELOPE' }), 'permanent', false],
    ['a 4xx is a refusal: not taken, retry', smtpError('Try again later', { responseCode: 451, code: 'EMESSAGE' }), 'transient', false],
    [
      'connection refused: no server reached',
      smtpError('connect ECONNREFUSED 127.0.0.1:1025', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }),
      'transient',
      false,
    ],
    ['unknown host: no server reached', smtpError('getaddrinfo ENOTFOUND smtp.example', { code: 'EDNS', command: 'CONN' }), 'transient', false],
    [
      'connection closed with no answer: it may have been taken',
      smtpError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN' }),
      'transient',
      true,
    ],
    [
      'a reset mid-conversation: it may have been taken',
      smtpError('read ECONNRESET', { code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' }),
      'transient',
      true,
    ],
    ['a timeout waiting for the answer: it may have been taken', smtpError('Timeout', { code: 'ETIMEDOUT', command: 'CONN' }), 'transient', true],
  ])('%s', (_rule, error, kind, mayHaveBeenAccepted) => {
    const classified = classifySmtpError(error);
    expect(classified).toBeInstanceOf(kind === 'permanent' ? PermanentDeliveryError : TransientDeliveryError);
    if (classified instanceof TransientDeliveryError) expect(classified.mayHaveBeenAccepted).toBe(mayHaveBeenAccepted);
  });
});
