import { loadConfig } from '../../config';
import { mailRateLimiter, mailWorkerOptions } from '../mail-worker-options';

describe('the mail queue worker options', () => {
  it.each([
    [5, { max: 1, duration: 200 }],
    [1, { max: 1, duration: 1000 }],
    [15, { max: 1, duration: 67 }],
    [50, { max: 5, duration: 100 }],
    [1000, { max: 100, duration: 100 }],
  ])('spreads %i mails per second over the smallest window that lets one through', (rate, limiter) => {
    expect(mailRateLimiter(rate)).toEqual(limiter);
  });

  it('has no limiter for MAIL_RATE_PER_SECOND=0 (unlimited)', () => {
    expect(mailRateLimiter(0)).toBeUndefined();
    expect(mailWorkerOptions(loadConfig({ NODE_ENV: 'test', MAIL_RATE_PER_SECOND: '0' }))).not.toHaveProperty('limiter');
  });

  it('takes the rate and the SMTP connections from the configuration (default 50/s, 10), with two send jobs per connection', () => {
    expect(mailWorkerOptions(loadConfig({ NODE_ENV: 'test' }))).toMatchObject({ concurrency: 20, limiter: { max: 5, duration: 100 } });
    expect(mailWorkerOptions(loadConfig({ NODE_ENV: 'test', MAIL_RATE_PER_SECOND: '5', MAIL_CONCURRENCY: '3' }))).toMatchObject({
      concurrency: 6,
      limiter: { max: 1, duration: 200 },
    });
  });
});
