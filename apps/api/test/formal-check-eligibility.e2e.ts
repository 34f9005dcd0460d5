import { REQUIREMENT_LABELS } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, categoryByCode, corporateNumber, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { DECLINING_SALES } from './intake-fixtures';

interface Item {
  code: string;
  source: string;
  suggestion: 'pass' | 'fail' | null;
  passNeedsReason?: boolean;
  failedRequirements?: { code: string; label: string; message: string }[];
  overrideReason: string | null;
}

/**
 * 要件確認's eligibility item: suggested from the application's stored eligibility report (not the quote's
 * own flag), each unmet requirement in Japanese, and 適 against its 不適 only with a reason, stored and audited.
 */
describe('要件確認: the eligibility suggestion and overriding it', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const api = () => t.http();

  async function submittedFor(monthlySales: typeof DECLINING_SALES) {
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const app = await createDraft(t, draftInput(round, category, { corporateNumber: corporateNumber(), monthlySales }));
    await asIntake(t, app.id, 'submit');
    await api()
      .post('/api/review-assignments')
      .set(as(s.manager))
      .send({ applicationId: app.id, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
    return app.id;
  }
  const checklist = async (id: string): Promise<Item[]> => (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body.items;
  const eligibilityItem = (items: Item[]) => items.find((i) => i.code === 'eligibility.requirements')!;

  beforeAll(async () => {
    t = await startTestApp({ label: 'formal-check-eligibility' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
  });
  afterAll(() => t?.close());

  it('suggests 不適 from the stored eligibility although the quote is eligible, listing the unmet requirement in Japanese', async () => {
    const id = await submittedFor([]);
    const [row] = await db.query(`SELECT quote, eligibility FROM application WHERE id = $1`, [id]);
    // the quote alone says eligible: the old suggestion (from the quote's flag) was 適
    expect(row.quote.eligible).toBe(true);
    expect(row.eligibility.ok).toBe(false);
    const item = eligibilityItem(await checklist(id));
    expect(item).toMatchObject({ source: 'eligibility', suggestion: 'fail', passNeedsReason: true, overrideReason: null });
    expect(item.failedRequirements).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'salesDecline10pct', label: REQUIREMENT_LABELS.salesDecline10pct })]),
    );
    expect(item.failedRequirements!.every((f) => f.message.length > 0)).toBe(true);
  });

  it('suggests 適 when every automated requirement is met, and then asks no reason', async () => {
    const id = await submittedFor(DECLINING_SALES);
    const item = eligibilityItem(await checklist(id));
    expect(item.suggestion).toBe('pass');
    expect(item.passNeedsReason).toBeUndefined();
    expect(item.failedRequirements ?? []).toEqual([]);
    await api()
      .put(`/api/applications/${id}/formal-check`)
      .set(as(s.reviewer))
      .send({ answers: [{ code: 'eligibility.requirements', passed: true }] })
      .expect(200);
  });

  it('refuses 適 against the 不適 suggestion without a reason (save and complete), then stores and audits the reason', async () => {
    const id = await submittedFor([]);
    const items = await checklist(id);

    for (const overrideReason of [undefined, '   ']) {
      const refused = await api()
        .put(`/api/applications/${id}/formal-check`)
        .set(as(s.reviewer))
        .send({ answers: [{ code: 'eligibility.requirements', passed: true, ...(overrideReason !== undefined ? { overrideReason } : {}) }] })
        .expect(422);
      expect(refused.body).toMatchObject({ statusCode: 422, code: 'OVERRIDE_REASON_REQUIRED' });
      expect(refused.body.message).toContain('理由');
      expect(refused.body.errors).toEqual([{ field: 'answers.eligibility.requirements.overrideReason', message: expect.stringContaining('適格性・申請要件') }]);
    }
    const completeWithout = await api()
      .post(`/api/applications/${id}/formal-check/complete`)
      .set(as(s.reviewer))
      .send({ outcome: 'pass', answers: items.map((i) => ({ code: i.code, passed: true })) })
      .expect(422);
    expect(completeWithout.body.code).toBe('OVERRIDE_REASON_REQUIRED');
    // nothing stored, nothing started
    const [before] = await db.query(`SELECT status, formal_check FROM application WHERE id = $1`, [id]);
    expect(before).toEqual({ status: 'submitted', formal_check: null });
    // disagreeing with the system needs no reason: 不適 is saved as is
    await api()
      .put(`/api/applications/${id}/formal-check`)
      .set(as(s.reviewer))
      .send({ answers: [{ code: 'eligibility.requirements', passed: false }] })
      .expect(200);

    const reason = '売上台帳の写しで2020年4〜6月の10%以上の減少を確認した';
    const saved = await api()
      .put(`/api/applications/${id}/formal-check`)
      .set(as(s.reviewer))
      .send({ answers: [{ code: 'eligibility.requirements', passed: true, overrideReason: ` ${reason} ` }] })
      .expect(200);
    expect(eligibilityItem(saved.body.items)).toMatchObject({ passed: true, overrideReason: reason });
    const audits = await db.query(`SELECT actor_id, reason, changes FROM audit_log WHERE entity_id = $1 AND action = 'formalCheck.overridden'`, [id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: s.reviewer.user.id, reason, changes: { item: 'eligibility.requirements', suggestion: 'fail', passed: true } });
    expect(audits[0].changes.failedRequirements.map((f: { code: string }) => f.code)).toContain('salesDecline10pct');

    // completing keeps the stored reason (not audited twice) and the transition's record names the override
    const rest = items.filter((i) => i.code !== 'eligibility.requirements').map((i) => ({ code: i.code, passed: true }));
    const done = await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'pass', answers: rest }).expect(200);
    expect(done.body.transition.to).toBe('underReview');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'formalCheck.overridden'`, [id]);
    expect(n).toBe(1);
    const [pass] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.passFormalCheck'`, [id]);
    expect(pass.changes.formalCheck.overridden).toEqual([{ code: 'eligibility.requirements', label: '適格性・申請要件', reason }]);
    const [stored] = await db.query(`SELECT formal_check FROM application WHERE id = $1`, [id]);
    expect(stored.formal_check.items.find((r: { code: string }) => r.code === 'eligibility.requirements')).toMatchObject({
      passed: true,
      overrideReason: reason,
    });
  });

  it('keeps the trail in the order things happened when one completion starts, judges and passes: 開始, the override, 完了', async () => {
    const id = await submittedFor([]);
    const answers = (await checklist(id)).map((i) =>
      i.code === 'eligibility.requirements' ? { code: i.code, passed: true, overrideReason: '売上台帳で減少を確認した' } : { code: i.code, passed: true },
    );
    await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'pass', answers }).expect(200);
    const trail = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action <> 'application.submit' ORDER BY occurred_at, id`, [id]);
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['application.startFormalCheck', 'formalCheck.overridden', 'application.passFormalCheck']);
  });
});
