import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { DraftInput } from '../src/modules/applications/applications.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, assign, categoryByCode, corporateNumber, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, uploadRequired, validPayload } from './intake-fixtures';

/**
 * 申請履歴 (docs/applicant-history.md): an application shows the same applicant's other applications across
 * rounds and programmes, with their 採択 and amounts, and flags for the reviewer an expense an adopted
 * application already had and a second 採択 in overlapping programmes. A 個人事業者 without 法人番号 is matched
 * by インボイス登録番号 (一致) or by name, 住所 and 生年月日 (推定一致).
 */
describe('applicant history', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round10: Round;
  let round11: Round;
  let round12: Round;
  let monozukuri: Round;
  const cn = corporateNumber();
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const history = async (id: string, who: LoggedIn = s.manager) => (await t.http().get(`/api/applications/${id}/history`).set(as(who)).expect(200)).body;

  async function submitted(round: Round, categoryCode: string, overrides: Partial<DraftInput>, status?: string): Promise<string> {
    const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, categoryCode), overrides));
    await asIntake(t, app.id, 'submit');
    if (status) await db.query(`UPDATE application SET status = $2 WHERE id = $1`, [app.id, status]);
    return app.id;
  }

  beforeAll(async () => {
    t = await startTestApp({ label: 'applicant_history' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round10 = await openRound(t);
    round11 = await openRound(t);
    round12 = await openRound(t);
    monozukuri = await openRound(t, 'monozukuri.r3-sup');
  });
  afterAll(() => t?.close());

  describe('a corporation, by its 法人番号', () => {
    let earlier: string;
    let current: string;
    let notAdopted: string;

    beforeAll(async () => {
      const machine = { expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '5軸マシニングセンタ' }] };
      earlier = await submitted(round10, 'restructuring.standard', { corporateNumber: cn, applicantName: '株式会社富士精機', ...machine }, 'paid');
      notAdopted = await submitted(round11, 'restructuring.recovery', { corporateNumber: cn, applicantName: '富士精機（株）' }, 'withdrawn');
      current = await submitted(round12, 'restructuring.standard', {
        corporateNumber: cn,
        applicantName: '㈱富士精機',
        expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '５軸マシニングセンタ（増設）' }],
      });
      // someone else entirely
      await submitted(round10, 'restructuring.standard', { applicantName: '株式会社富士精機', ...machine }, 'paid');
    });

    it('lists the earlier applications with their 採択 and amounts, not the application itself nor another company', async () => {
      const h = await history(current);
      expect(h.bases).toEqual([{ basis: 'corporateNumber', value: cn }]);
      expect(h.entries.map((e: { id: string }) => e.id).sort()).toEqual([earlier, notAdopted].sort());
      const paid = h.entries.find((e: { id: string }) => e.id === earlier);
      expect(paid).toMatchObject({
        programName: '事業再構築補助金',
        roundName: round10.name,
        categoryName: '通常枠',
        statusLabel: '支払済',
        adopted: true,
        amount: 20_000_000,
        match: 'exact',
        basis: 'corporateNumber',
      });
      expect(h.entries.find((e: { id: string }) => e.id === notAdopted)).toMatchObject({ adopted: false, statusLabel: '取下げ' });
    });

    it('flags the expense already subsidised and the second 採択 in the same programme', async () => {
      const h = await history(current);
      expect(h.flags.map((f: { kind: string; applicationId: string }) => [f.kind, f.applicationId])).toEqual([
        ['overlappingAdoption', earlier],
        ['expenseAlreadySubsidised', earlier],
      ]);
      expect(h.flags[1].message).toContain('5軸マシニングセンタ');
    });

    it('flags an 採択 of 事業再構築 on a ものづくり application (overlapping programmes), with no shared expense', async () => {
      const other = await submitted(monozukuri, 'monozukuri.standard', {
        corporateNumber: cn,
        expenses: [{ expenseType: 'machinery', amount: 10_000_000, description: '検査装置' }],
      });
      const h = await history(other);
      expect(h.entries.find((e: { id: string }) => e.id === earlier)).toMatchObject({ adopted: true });
      expect(h.flags.map((f: { kind: string }) => f.kind)).toEqual(['overlappingAdoption']);
      expect(h.flags[0].message).toContain('設備投資');
    });

    it('is scoped like the application: 404 for a reviewer not assigned, entries without ids the reviewer may not open', async () => {
      await t.http().get(`/api/applications/${current}/history`).set(as(s.reviewer)).expect(404);
      await assign(t, current, s.reviewer.user.id);
      const h = await history(current, s.reviewer);
      expect(h.entries).toHaveLength(3); // the two earlier ones and the ものづくり application above
      expect(h.entries.every((e: { id: string | null }) => e.id === null)).toBe(true);
      expect(h.flags.every((f: { applicationId: string }) => f.applicationId === '')).toBe(true);
      await t.http().get(`/api/applications/not-a-uuid/history`).set(as(s.manager)).expect(404);
    });
  });

  describe('個人事業者, without 法人番号', () => {
    const person = (overrides: Partial<DraftInput> = {}): Partial<DraftInput> => ({
      applicantKind: 'soleProprietor',
      corporateNumber: null,
      capital: null,
      sizeClass: 'smallBusiness',
      employeeCount: 3,
      applicantName: '山田 花子',
      address: '北海道札幌市中央区北1条西2丁目3番4号',
      birthDate: '1980-04-01',
      ...overrides,
    });

    it('matches name, 住所 and 生年月日 written differently as 推定一致, and an インボイス登録番号 as 一致', async () => {
      const earlier = await submitted(round10, 'restructuring.standard', person(), 'adopted');
      const byInvoice = await submitted(
        round10,
        'restructuring.recovery',
        person({ applicantName: 'やまだ工房', address: '札幌市', invoiceNumber: 'T1234567890123' }),
        'rejected',
      );
      const stranger = await submitted(round10, 'restructuring.standard', person({ birthDate: '1981-04-01' }), 'adopted');
      const current = await submitted(
        round12,
        'restructuring.standard',
        person({ applicantName: '山田　花子', address: '北海道札幌市中央区北１条西２－３－４', invoiceNumber: 'T1234567890123' }),
      );
      const h = await history(current);
      expect(h.bases.map((b: { basis: string }) => b.basis)).toEqual(['invoiceNumber', 'nameAddressBirthDate']);
      const byId = new Map(h.entries.map((e: { id: string }) => [e.id, e]));
      expect(byId.get(earlier)).toMatchObject({ match: 'probable', basis: 'nameAddressBirthDate', adopted: true });
      expect(byId.get(byInvoice)).toMatchObject({ match: 'exact', basis: 'invoiceNumber', adopted: false });
      expect(byId.has(stranger)).toBe(false);
      expect(h.flags.find((f: { kind: string }) => f.kind === 'overlappingAdoption').message).toContain('推定一致');
    });

    it('has no history to look up without 法人番号, インボイス登録番号 or 住所 and 生年月日', async () => {
      const id = await submitted(round12, 'restructuring.standard', person({ address: null, birthDate: null }));
      expect(await history(id)).toEqual({ bases: [], entries: [], flags: [] });
    });
  });

  describe('intake', () => {
    it('takes the インボイス登録番号, 住所 and 生年月日 (normalised), and refuses an invoice number that is not T + 13 digits', async () => {
      const channel = await createChannel(t, s.admin.token);
      const attachmentIds = await uploadRequired(t, channel.apiKey);
      const base = validPayload(round12, attachmentIds) as ReturnType<typeof validPayload> & { applicant: Record<string, unknown> };
      const bad = { ...base, applicant: { ...base.applicant, invoiceNumber: 'T123' } };
      const refused = await t.http().post('/api/intake/applications').set('X-Api-Key', channel.apiKey).set('Idempotency-Key', randomUUID()).send(bad);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).toContain('インボイス登録番号');
      const good = {
        ...base,
        applicant: { ...base.applicant, invoiceNumber: 'Ｔ1234-5678-90124', address: ' 北海道札幌市北区北8条西5丁目 ', birthDate: '1975-01-31' },
      };
      const res = await t.http().post('/api/intake/applications').set('X-Api-Key', channel.apiKey).set('Idempotency-Key', randomUUID()).send(good);
      expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
      const [row] = await db.query(`SELECT invoice_number, address, birth_date::text AS birth_date FROM application WHERE id = $1`, [res.body.id]);
      // a corporation's 生年月日 is not kept (the key uses it for 個人事業者 only)
      expect(row).toEqual({ invoice_number: 'T1234567890124', address: '北海道札幌市北区北8条西5丁目', birth_date: null });
    });
  });
});
