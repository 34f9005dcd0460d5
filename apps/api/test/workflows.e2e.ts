import { registerWorkflow, SUBSIDY_V1, type StateDefinition, type GuardName, type TransitionDefinition } from '@jimukyoku/workflow';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { CloseUncorrectedJob } from '../src/modules/schedules/close-uncorrected.job';
import { RemindCorrectionsJob } from '../src/modules/schedules/remind-corrections.job';
import { PipelineService } from '../src/modules/pipeline/pipeline.service';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { asIntake, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * "Adding a state means editing one definition": a copy of the 補助金 definition (subsidy@99, registered
 * by this test with registerWorkflow) gains a second 補正 state, 再差戻し, tagged like 差戻し. Nothing
 * else is told about it, yet GET /api/workflows lists it, the 補正期限 reminder and the closing of
 * uncorrected applications find an application in it, and the dashboard counts it.
 */
const SECOND_RETURN: StateDefinition = {
  code: 'secondReturn',
  label: '再差戻し',
  kind: 'active',
  tone: 'attention',
  tags: ['returnedToApplicant', 'correctionDeadlineWatched'],
};

const withSecondReturn = (t: TransitionDefinition<GuardName>) => (t.from.includes('returned') ? { ...t, from: [...t.from, SECOND_RETURN.code] } : t);
const returnForCorrection = SUBSIDY_V1.transitions.find((t) => t.name === 'returnForCorrection')!;

const SUBSIDY_COPY = {
  ...SUBSIDY_V1,
  version: 99,
  states: [...SUBSIDY_V1.states, SECOND_RETURN],
  transitions: [
    ...SUBSIDY_V1.transitions.map(withSecondReturn),
    { ...returnForCorrection, name: 'returnAgain', label: '再度差し戻す', from: ['resubmitted'], to: SECOND_RETURN.code },
  ],
};

describe('GET /api/workflows and a state added to a copy of a definition', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let unregister: () => void;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    unregister = registerWorkflow(SUBSIDY_COPY);
    t = await startTestApp({ label: 'workflows' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await t?.close();
    unregister?.();
  });

  it('lists every registered definition with its states and transitions, react-admin style, for every staff role', async () => {
    for (const who of ['admin', 'manager', 'reviewer', 'auditor'] as const) {
      const res = await t.http().get('/api/workflows').set(as(who)).expect(200);
      expect(res.headers['content-range']).toBe('workflows 0-4/5');
      expect(res.body.map((w: { id: string }) => w.id)).toEqual(['subsidy@1', 'subsidy@2', 'benefit@1', 'itSubsidy@1', 'subsidy@99']);
    }
    const [subsidy] = (
      await t
        .http()
        .get('/api/workflows')
        .query({ filter: JSON.stringify({ id: ['subsidy@1'] }) })
        .set(as('reviewer'))
        .expect(200)
    ).body;
    expect(subsidy).toMatchObject({ code: 'subsidy', version: 1, label: SUBSIDY_V1.label });
    expect(subsidy.states).toContainEqual({
      code: 'returned',
      label: '差戻し',
      kind: 'active',
      tone: 'attention',
      tags: ['returnedToApplicant', 'correctionDeadlineWatched'],
    });
    expect(subsidy.states).toContainEqual({ code: 'draft', label: expect.any(String), kind: 'initial', tone: 'neutral', tags: [] });
    expect(subsidy.transitions).toContainEqual({
      name: 'returnForCorrection',
      label: '差し戻す',
      from: ['formalCheck', 'resubmitted'],
      to: 'returned',
      roles: ['reviewer'],
    });

    const page = await t
      .http()
      .get('/api/workflows')
      .query({ sort: '["code","DESC"]', range: '[0,0]', filter: '{"code":"subsidy"}' })
      .set(as('auditor'))
      .expect(200);
    expect(page.headers['content-range']).toBe('workflows 0-0/3');
    expect(page.body.map((w: { id: string }) => w.id)).toEqual(['subsidy@1']);
    // past the end: no row to name, the total still after the slash (it said 「workflows 9-9/3」)
    const beyond = await t.http().get('/api/workflows').query({ range: '[9,19]', filter: '{"code":"subsidy"}' }).set(as('auditor')).expect(200);
    expect([beyond.headers['content-range'], beyond.body]).toEqual(['workflows */3', []]);
    await t.http().get('/api/workflows').query({ filter: '{"status":"x"}' }).set(as('manager')).expect(400);
    await t.http().get('/api/workflows').query({ filter: '{"id":"subsidy@7"}' }).set(as('manager')).expect(400);
    await t.http().get('/api/workflows').expect(401);
  });

  it('lists the added state with its tags', async () => {
    const [copy] = (
      await t
        .http()
        .get('/api/workflows')
        .query({ filter: JSON.stringify({ id: 'subsidy@99' }) })
        .set(as('manager'))
        .expect(200)
    ).body;
    expect(copy.states).toContainEqual({ ...SECOND_RETURN, tags: [...SECOND_RETURN.tags!] });
    expect(copy.transitions).toContainEqual(expect.objectContaining({ name: 'closeUncorrected', from: ['returned', 'secondReturn'] }));
  });

  it('reminds of and closes an application in the added 補正 state, and the dashboard counts it', async () => {
    const round = await openRound(t);
    await db.query(`UPDATE round SET workflow_version = 99 WHERE id = $1`, [round.id]);
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const app = await createDraft(t, draftInput(round, category, { applicantName: '株式会社再差戻し', email: 'second-return@example.jp' }));
    const reviewer = { role: 'reviewer' as const, id: s.reviewer.user.id };
    const transitions = t.app.get(TransitionsService);
    await asIntake(t, app.id, 'submit');
    await transitions.fire(app.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(app.id, 'returnForCorrection', reviewer, { reason: '収支計画の表が欠落しています' });
    await asIntake(t, app.id, 'resubmit');
    await transitions.fire(app.id, 'returnAgain', reviewer, { reason: '見積書の日付が公募期間外です' });
    expect(await db.query(`SELECT status, workflow_version FROM application WHERE id = $1`, [app.id])).toEqual([
      { status: 'secondReturn', workflow_version: 99 },
    ]);

    const dashboard = (await t.app.get(PipelineService).rounds()).find((r) => r.roundId === round.id)!;
    expect(dashboard.states).toEqual([{ code: 'secondReturn', label: '再差戻し', tone: 'attention', count: 1 }]);
    expect(dashboard.categories[0]).toMatchObject({ applied: 1, adopted: 0 });

    await db.query(`UPDATE application SET correction_due_at = now() + interval '10 hours' WHERE id = $1`, [app.id]);
    await t.app.get(RemindCorrectionsJob).handle();
    const reminders = await db.query(`SELECT payload FROM notification WHERE template = 'correctionReminder' AND application_id = $1`, [app.id]);
    expect(reminders.map((n: { payload: { reason: string } }) => n.payload.reason)).toEqual(['見積書の日付が公募期間外です']);

    await db.query(`UPDATE application SET correction_due_at = now() - interval '1 minute' WHERE id = $1`, [app.id]);
    expect(await t.app.get(CloseUncorrectedJob).handle()).toEqual({ closed: 1, failed: 0 });
    expect(await statusOf(app.id)).toBe('ineligible');
  });
});
