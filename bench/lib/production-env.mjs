// What production refuses to start without (apps/api/src/config/app-config.ts), as sample values for
// the benchmarks' API and worker processes: the services, the secretariat's contact, the status-link key
// and base address, and the 振込依頼人 of the 全銀 file. Nothing here is sent anywhere (a bench that sends
// mail sets SMTP_URL to its own sink).
import { randomBytes } from 'node:crypto';
import { REDIS_URL } from './run-resources.mjs';

/** Environment for a production-mode API or worker of a benchmark (add DATABASE_URL, PORT, … to it). */
export function productionEnv() {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    REDIS_URL,
    SMTP_URL: 'smtp://127.0.0.1:1025',
    SECRETARIAT_NAME: 'ベンチマーク用 相談窓口',
    SECRETARIAT_PHONE: '0120-000-000',
    SECRETARIAT_EMAIL: 'soudan@bench.example.jp',
    MAIL_FROM: '事務局 <no-reply@bench.example.jp>',
    SECRETARIAT_HOURS: '9:30〜17:30',
    STATUS_LINK_SECRET: randomBytes(48).toString('base64url'),
    PUBLIC_BASE_URL: 'https://status.bench.example.jp',
    PAYMENT_REQUESTER_CODE: '0012345678',
    PAYMENT_REQUESTER_NAME: 'ﾍﾞﾝﾁﾏ-ｸｼﾞﾑｷﾖｸ',
    PAYMENT_REQUESTER_BANK_CODE: '0005',
    PAYMENT_REQUESTER_BRANCH_CODE: '123',
    PAYMENT_REQUESTER_DEPOSIT_TYPE: '1',
    PAYMENT_REQUESTER_ACCOUNT_NUMBER: '7654321',
  };
}
