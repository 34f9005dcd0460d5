import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * The 補助金's post-award half (docs/post-award.md): subsidy@2 for new rounds, v1 kept by the applications on it,
 * and a round moved to v2 while it has no application.
 */
describe('after 採択: subsidy@2, its migration path and the post-award steps', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const versionOf = async (roundId: string) => (await db.query(`SELECT workflow_version FROM round WHERE id = $1`, [roundId]))[0].workflow_version;

  beforeAll(async () => {
    t = await startTestApp({ label: 'post-award' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('versions', () => {
    it('a new round runs on the latest 補助金 definition, subsidy@2, unless it names a registered version', async () => {
      const [r] = await db.query(`SELECT program_id, rule_set_id FROM round WHERE code = 'restructuring.round6'`);
      const body = { programId: r.program_id, ruleSetId: r.rule_set_id, opensAt: '2030-07-01T00:00:00+09:00', closesAt: '2030-09-30T18:00:00+09:00' };
      const latest = await t
        .http()
        .post('/api/rounds')
        .set(as(s.manager))
        .send({ ...body, number: 901 })
        .expect(201);
      expect(latest.body.workflowVersion).toBe(2);
      const pinned = await t
        .http()
        .post('/api/rounds')
        .set(as(s.manager))
        .send({ ...body, number: 902, workflowVersion: 1 })
        .expect(201);
      expect(pinned.body.workflowVersion).toBe(1);
      const unknown = await t
        .http()
        .post('/api/rounds')
        .set(as(s.manager))
        .send({ ...body, number: 903, workflowVersion: 7 })
        .expect(400);
      expect(unknown.body).toMatchObject({ code: 'WORKFLOW_VERSION_UNKNOWN', message: expect.stringContaining('手続定義') });
      const workflow = await t.http().get(`/api/rounds/${latest.body.id}/workflow`).set(as(s.manager)).expect(200);
      expect(workflow.body.definition).toMatchObject({ code: 'subsidy', version: 2 });
    });

    it('a round with no application yet moves to v2 (audited); once it has one, its version is fixed', async () => {
      const round = await openRound(t);
      expect(await versionOf(round.id)).toBe(1);
      await t.http().put(`/api/rounds/${round.id}`).set(as(s.manager)).send({ workflowVersion: 2 }).expect(200);
      expect(await versionOf(round.id)).toBe(2);
      const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'round.updated' ORDER BY id DESC LIMIT 1`, [round.id]);
      expect(JSON.stringify(audit.changes)).toContain('workflowVersion');

      const category = await categoryByCode(t, round, 'restructuring.standard');
      const app = await createDraft(t, draftInput(round, category));
      expect(app.workflowVersion).toBe(2);
      const refused = await t.http().put(`/api/rounds/${round.id}`).set(as(s.manager)).send({ workflowVersion: 1 }).expect(409);
      expect(refused.body).toMatchObject({ code: 'WORKFLOW_FIXED_AFTER_APPLICATIONS', message: expect.stringContaining('手続定義の版を変更できません') });
      expect(await versionOf(round.id)).toBe(2);
    });

    it('an application on v1 keeps v1: v2’s post-award steps are not offered to it', async () => {
      const round: Round = await openRound(t);
      const category = await categoryByCode(t, round, 'restructuring.standard');
      const app = await createDraft(t, draftInput(round, category));
      expect(app.workflowVersion).toBe(1);
      await db.query(`UPDATE application SET status = 'grantDecided' WHERE id = $1`, [app.id]);
      const refused = t.app.get(TransitionsService).fire(app.id, 'requestPlanChange', { role: 'intake', id: null });
      await expect(refused).rejects.toMatchObject({ response: { code: 'UNKNOWN_TRANSITION' } });
      const res = await t.http().get(`/api/applications/${app.id}`).set(as(s.manager)).expect(200);
      expect(res.body).toMatchObject({ workflowVersion: 1 });
    });
  });
});
