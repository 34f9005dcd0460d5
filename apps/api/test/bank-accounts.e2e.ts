import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, categoryByCode, corporateNumber, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * The payee's bank account of an application (bank-accounts, docs/payments.md): validated on entry as the
 * 全銀協 総合振込 file takes it (422 with a Japanese message per field), stored in that form (半角カナ, 口座番号
 * left-padded to 7 digits), one per application, each registration and change audited.
 */
describe('payee bank accounts', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let applicationId: string;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const api = () => t.http();
  const typed = { bankCode: '０００５', branchCode: '001', depositType: '普通', accountNumber: '12345', accountHolderKana: 'カ）ヤマダショウジ' };

  async function submitted() {
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const app = await createDraft(t, draftInput(round, category, { corporateNumber: corporateNumber() }));
    await asIntake(t, app.id, 'submit');
    return app.id;
  }

  beforeAll(async () => {
    t = await startTestApp({ label: 'bank-accounts' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    applicationId = await submitted();
  });
  afterAll(() => t?.close());

  it('stores the account in the form the 全銀 file takes, with its audit record', async () => {
    const res = await api()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId, ...typed })
      .expect(201);
    expect(res.body).toMatchObject({
      applicationId,
      bankCode: '0005',
      branchCode: '001',
      depositType: '1',
      accountNumber: '0012345',
      accountHolderKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
      createdBy: s.manager.user.id,
    });
    expect(res.body.applicantName).toBeTruthy();
    const [row] = await db.query(`SELECT account_holder_kana, account_number FROM bank_account WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ account_holder_kana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', account_number: '0012345' });
    const audits = await db.query(`SELECT actor_id, entity_type, entity_id, changes FROM audit_log WHERE action = 'bankAccount.registered'`);
    expect(audits).toEqual([
      {
        actor_id: s.manager.user.id,
        entity_type: 'bankAccount',
        entity_id: res.body.id,
        changes: { applicationId, bankCode: '0005', branchCode: '001', depositType: '1', accountNumber: '0012345', accountHolderKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ' },
      },
    ]);

    const list = await api()
      .get('/api/bank-accounts')
      .query({ filter: JSON.stringify({ applicationId }) })
      .set(as(s.auditor))
      .expect(200);
    expect(list.headers['content-range']).toBe('bank-accounts 0-0/1');
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    await api().get(`/api/bank-accounts/${res.body.id}`).set(as(s.auditor)).expect(200);
  });

  it('takes one account per application: a second is 409 naming the first', async () => {
    const [{ id }] = await db.query(`SELECT id FROM bank_account WHERE application_id = $1`, [applicationId]);
    const res = await api()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId, ...typed, accountNumber: '7654321' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'BANK_ACCOUNT_EXISTS', id });
    expect(res.body.message).toMatch(/登録済み/);
  });

  it('refuses what the bank would not take with 422 and a Japanese message per field, and stores nothing', async () => {
    const other = await submitted();
    const res = await api()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId: other, bankCode: '5', branchCode: '1234', depositType: '9', accountNumber: '123456789', accountHolderKana: '山田・タロウ' })
      .expect(422);
    expect(res.body.code).toBe('INVALID_BANK_ACCOUNT');
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(Object.keys(byField)).toEqual(['bankCode', 'branchCode', 'depositType', 'accountNumber', 'accountHolderKana']);
    expect(byField.bankCode).toMatch(/金融機関コードは4桁/);
    expect(byField.branchCode).toMatch(/支店コードは3桁/);
    expect(byField.depositType).toMatch(/普通（1）・当座（2）・貯蓄（4）/);
    expect(byField.accountNumber).toMatch(/7桁まで/);
    expect(byField.accountHolderKana).toMatch(/「山」/);
    expect(await db.query(`SELECT id FROM bank_account WHERE application_id = $1`, [other])).toEqual([]);
  });

  it('refuses an unknown application (404) and a malformed body (400)', async () => {
    await api()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId: '00000000-0000-4000-8000-000000000000', ...typed })
      .expect(404);
    const res = await api()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId, ...typed, bankCode: 5 })
      .expect(400);
    expect(res.body.errors[0].field).toBe('bankCode');
  });

  it('changes an account with the same checks, auditing before and after', async () => {
    const [{ id }] = await db.query(`SELECT id FROM bank_account WHERE application_id = $1`, [applicationId]);
    const bad = await api()
      .put(`/api/bank-accounts/${id}`)
      .set(as(s.manager))
      .send({ ...typed, accountHolderKana: 'ヤマダ　ヰ' })
      .expect(422);
    expect(bad.body.errors).toEqual([{ field: 'accountHolderKana', message: expect.stringContaining('「ヰ」') }]);

    const res = await api()
      .put(`/api/bank-accounts/${id}`)
      .set(as(s.manager))
      .send({ ...typed, depositType: '2', accountNumber: '7654321' })
      .expect(200);
    expect(res.body).toMatchObject({ depositType: '2', accountNumber: '7654321', updatedBy: s.manager.user.id });
    const [audit] = await db.query(`SELECT changes FROM audit_log WHERE action = 'bankAccount.changed' AND entity_id = $1`, [id]);
    expect(audit.changes).toMatchObject({
      applicationId,
      before: { depositType: '1', accountNumber: '0012345' },
      after: { depositType: '2', accountNumber: '7654321' },
      changed: ['depositType', 'accountNumber'],
    });

    // the same values again change nothing and write no audit record
    await api()
      .put(`/api/bank-accounts/${id}`)
      .set(as(s.manager))
      .send({ ...typed, depositType: '2', accountNumber: '7654321' })
      .expect(200);
    expect(await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'bankAccount.changed' AND entity_id = $1`, [id])).toEqual([{ n: 1 }]);
  });

  it('is not for reviewers or administrators, and auditors only read', async () => {
    await api().get('/api/bank-accounts').set(as(s.reviewer)).expect(403);
    await api().get('/api/bank-accounts').set(as(s.admin)).expect(403);
    await api()
      .post('/api/bank-accounts')
      .set(as(s.auditor))
      .send({ applicationId, ...typed })
      .expect(403);
  });

  it('the table itself refuses a form the file could not take', async () => {
    const [{ id: staffId }] = await db.query(`SELECT id FROM staff_user LIMIT 1`);
    const other = await submitted();
    const insert = (holder: string, number = '1234567') =>
      db.query(
        `INSERT INTO bank_account (application_id, bank_code, branch_code, deposit_type, account_number, account_holder_kana, created_by, updated_by)
         VALUES ($1, '0001', '001', '1', $2, $3, $4, $4)`,
        [other, number, holder, staffId],
      );
    await expect(insert('ヤマダ')).rejects.toThrow(/check/);
    await expect(insert('ﾔﾏﾀﾞ', '123456')).rejects.toThrow(/check/);
    await expect(insert('ｱ'.repeat(31))).rejects.toThrow(/check/);
    await insert('ｶ)ﾔﾏﾀﾞ ﾀﾛｳ(ｼﾞﾑｼﾖ).,-/｢｣ｦ');
  });
});
