import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config';
import type { Round } from '../src/modules/rounds/round.entity';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { adoptByDecision, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, upload, uploadRequired, validPayload } from './intake-fixtures';

/** A test app with what the post-award tests share: the catalogue and templates, every role logged in, a portal channel. */
export interface PostAwardEnv {
  t: TestApp;
  db: DataSource;
  s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  channel: { id: string; apiKey: string };
}

export async function startPostAwardEnv(label: string, overrides: Partial<AppConfig> = {}): Promise<PostAwardEnv> {
  const t = await startTestApp({ label, overrides: { storageDir: tempStorageDir(), ...overrides } });
  const db = t.app.get(DataSource);
  await seedStaff(t);
  await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
  const s = await loginEveryRole(t);
  return { t, db, s, channel: await createChannel(t, s.admin.token) };
}

export const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });

/** A post-award step (or the submission, `path` '', under a new Idempotency-Key as it requires) through the portal's channel. */
export const portal = (e: PostAwardEnv, path: string) => {
  const req = e.t.http().post(`/api/intake/applications/${path}`).set('X-Api-Key', e.channel.apiKey);
  return path === '' ? req.set('Idempotency-Key', randomUUID()) : req;
};

/** A staff route under /api/applications as `who`. */
export const staff = (e: PostAwardEnv, who: LoggedIn, method: 'post' | 'put' | 'get', path: string) =>
  e.t.http()[method](`/api/applications/${path}`).set(bearer(who));

export const statusOf = async (e: PostAwardEnv, id: string): Promise<string> =>
  (await e.db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;

/** One expense line of machinery, as the post-award tests file them. */
export const machinery = (amount: number) => [{ expenseType: 'machinery', amount, description: '5軸加工機' }];

/** Evidence uploaded by the portal for a 実績報告 or a 概算払請求: a receipt (領収書), of kind paymentProof. */
export const evidence = async (e: PostAwardEnv): Promise<string> => (await upload(e.t, e.channel.apiKey, 'paymentProof').expect(201)).body.id;

/** A 事業再構築 round moved to subsidy@2 before its first application (docs/post-award.md). */
export async function v2Round(e: PostAwardEnv): Promise<Round> {
  const round = await openRound(e.t);
  await e.t.http().put(`/api/rounds/${round.id}`).set(bearer(e.s.manager)).send({ workflowVersion: 2 }).expect(200);
  return round;
}

/**
 * A portal application of `round` adopted by a committed decision and its 交付決定 made: 交付申請 of `expenses`
 * (24,000,000円 of machinery unless said: 16,000,000円 at 2/3), decided by the grant-decision route.
 */
export async function granted(e: PostAwardEnv, round: Round, expenses = machinery(24_000_000)): Promise<string> {
  const submitted = await portal(e, '')
    .send(validPayload(round, await uploadRequired(e.t, e.channel.apiKey)))
    .expect(201);
  const id: string = submitted.body.id;
  await e.db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [id]);
  await adoptByDecision(e.t, round, id, e.s.manager.user.id);
  // the 採択発表 has been made: the 交付申請 waits for it
  await e.db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
  await portal(e, `${id}/grant-application`).send({ expenses }).expect(200);
  await staff(e, e.s.manager, 'post', `${id}/grant-decision`).expect(200);
  return id;
}

/** A granted project of a new subsidy@2 round through 実績報告 (the same expenses), 確定検査 (none cut) and 額の確定. */
export async function amountFixed(e: PostAwardEnv, expenses = machinery(24_000_000)): Promise<{ id: string; fixedAmount: number }> {
  const id = await granted(e, await v2Round(e), expenses);
  await portal(e, `${id}/performance-report`)
    .send({ expenses, attachmentIds: [await evidence(e)] })
    .expect(200);
  await staff(e, e.s.manager, 'post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
  await staff(e, e.s.manager, 'put', `${id}/final-inspection`).send({ lines: [] }).expect(200);
  const fixed = await staff(e, e.s.manager, 'post', `${id}/amount-fixing`).expect(200);
  return { id, fixedAmount: fixed.body.amounts.fixedAmount };
}
