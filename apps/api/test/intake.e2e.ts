import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, PDF, tempStorageDir, upload, uploadRequired, validPayload } from './intake-fixtures';

describe('intake', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  const storageDir = tempStorageDir();
  /** A portal's submission: under `key`, or a new key of its own, as the portal makes one for each application. */
  const submit = (body: object, key: string = randomUUID()) =>
    t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', key).send(body);
  const rowsOf = async (corporate: string) =>
    (await db.query(`SELECT id, receipt_number FROM application WHERE corporate_number = $1`, [corporate])) as { id: string; receipt_number: string }[];
  const storedFiles = () => readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

  beforeAll(async () => {
    t = await startTestApp({ label: 'intake', overrides: { storageDir, attachmentMaxBytes: 4096 } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('accepts an application: 受付番号, received-at instant, audit record and 受付 email in the same transaction', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const res = await submit(body).expect(201);
    expect(res.body.receiptNumber).toMatch(/^RES\d{2,}-\d{8}$/);
    expect(res.body).toMatchObject({ status: 'submitted', receivedInGrace: false, quotedAmount: 20_000_000 });
    expect(res.body.receivedAtJst).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}$/);
    const [audit] = await db.query(`SELECT action, to_status, actor_role FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(audit).toEqual({ action: 'application.submit', to_status: 'submitted', actor_role: 'intake' });
    const notes = await db.query(`SELECT template, recipient FROM notification WHERE application_id = $1`, [res.body.id]);
    expect(notes).toEqual([{ template: 'received', recipient: 'info@sakura.example.jp' }]);
    const attached = await db.query(`SELECT kind, sha256 FROM attachment WHERE application_id = $1 ORDER BY kind`, [res.body.id]);
    expect(attached.map((a: { kind: string }) => a.kind)).toEqual(['advisorConfirmation', 'businessPlan', 'salesEvidence']);
    expect((await t.http().get(`/api/intake/applications/${res.body.id}`).set('X-Api-Key', apiKey).expect(200)).body.receiptNumber).toBe(
      res.body.receiptNumber,
    );
  });

  it('writes the application once in its submitted state, as the draft and its submit transition would leave it', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const res = await submit(body).expect(201);
    const [app] = await db.query(
      `SELECT status, version, stamps, created_at, updated_at, received_at, correction_due_at, formal_check FROM application WHERE id = $1`,
      [res.body.id],
    );
    // version 1 as a draft, 2 after submit; created and updated at the transaction's clock, stamped at it too
    expect(app).toMatchObject({ status: 'submitted', version: 2, correction_due_at: null, formal_check: null });
    expect(app.updated_at).toEqual(app.created_at);
    expect(app.stamps).toEqual({ submittedAt: app.created_at.toISOString() });
    expect(app.received_at.getTime()).toBeGreaterThanOrEqual(app.created_at.getTime());
    const audits = await db.query(`SELECT id, from_status, to_status, changes FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ from_status: 'draft', to_status: 'submitted' });
    expect(audits[0].changes).toMatchObject({ transition: 'submit', stamps: app.stamps, version: { from: 1, to: 2 } });
    const notes = await db.query(`SELECT audit_id, status, payload FROM notification WHERE application_id = $1`, [res.body.id]);
    expect(notes).toEqual([
      expect.objectContaining({ audit_id: audits[0].id, status: 'pending', payload: expect.objectContaining({ receiptNumber: res.body.receiptNumber }) }),
    ]);
    const [{ locked }] = await db.query(`SELECT rs.locked_at IS NOT NULL AS locked FROM round r JOIN rule_set rs ON rs.id = r.rule_set_id WHERE r.id = $1`, [
      round.id,
    ]);
    expect(locked).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, and keeps one row', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const first = await submit(body, 'portal-req-0001').expect(201);
    // the answer is built before the row is written (one statement with it): it must say what was stored
    const [row] = await db.query(`SELECT id, receipt_number, status, received_at, received_in_grace, quoted_amount FROM application WHERE id = $1`, [
      first.body.id,
    ]);
    expect(first.body).toMatchObject({
      receiptNumber: row.receipt_number,
      status: row.status,
      receivedAt: row.received_at.toISOString(),
      receivedInGrace: row.received_in_grace,
      quotedAmount: Number(row.quoted_amount),
    });
    const retry = await submit(body, 'portal-req-0001').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(1);
    const other = await submit({ ...body, requestedAmount: 19_000_000 }, 'portal-req-0001').expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a submission without an Idempotency-Key (400, in words the portal can act on), writing nothing', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const res = await t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).send(body).expect(400);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', errors: [{ field: 'Idempotency-Key' }] });
    expect(res.body.message).toContain('再送には同じキー');
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(0);
    // its attachments are still unused: the same submission under a key is accepted with them
    await submit(body).expect(201);
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(1);
  });

  it('refuses a key that is not one (empty, too long, with a space) as the missing one is refused: 400, writing nothing', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    for (const key of ['', 'k'.repeat(201), 'two words']) {
      const res = await t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', key).send(body).expect(400);
      expect(res.body).toMatchObject({
        code: 'INVALID_IDEMPOTENCY_KEY',
        errors: [{ field: 'Idempotency-Key', message: expect.stringContaining('200文字以内') }],
      });
    }
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(0);
  });

  it('keeps one row when the same request arrives five times at once', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => submit(body, 'burst-key-42')));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.receiptNumber)).size).toBe(1);
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(1);
  });

  it('refuses a second application of the same 法人番号 in a round with 409 naming the first 受付番号, even at once', async () => {
    const number = corporateNumber();
    const first = await submit(
      validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: number } }),
    ).expect(201);
    const again = await submit(
      validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: number } }),
    ).expect(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE_APPLICATION', receiptNumber: first.body.receiptNumber });
    expect(again.body.message).toContain(first.body.receiptNumber);
    // withdrawn, the first still holds the round's one application per company: the refusal says in which state
    await t.http().post(`/api/intake/applications/${first.body.id}/withdrawal`).set('X-Api-Key', apiKey).send({ reason: '事業計画を見直すため' }).expect(200);
    const afterWithdrawal = await submit(
      validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: number } }),
    ).expect(409);
    expect(afterWithdrawal.body).toMatchObject({
      status: 'withdrawn',
      message: expect.stringContaining(`(受付番号 ${first.body.receiptNumber}、状態「取下げ」)`),
    });

    // another channel (another portal or vendor) learns that the company applied, which the rule tells, but not
    // the first's 受付番号 or state: a 法人番号 is public
    const elsewhere = (await createChannel(t, s.admin.token, '別の申請窓口')).apiKey;
    const fromElsewhere = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', elsewhere)
      .set('Idempotency-Key', randomUUID())
      .send(validPayload(round, await uploadRequired(t, elsewhere), { applicant: { ...validPayload(round, []).applicant, corporateNumber: number } }))
      .expect(409);
    expect(fromElsewhere.body).toMatchObject({ code: 'DUPLICATE_APPLICATION', receiptNumber: null, status: null });
    expect(fromElsewhere.body.message).toContain(`この法人番号 (${number}) の申請はこの公募回で既に受け付けています。`);
    expect(fromElsewhere.body.message).not.toContain(first.body.receiptNumber);
    expect(fromElsewhere.body.message).not.toContain('取下げ');

    const racing = corporateNumber();
    const bodies = await Promise.all(
      [0, 1, 2].map(async () =>
        validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: racing } }),
      ),
    );
    const results = await Promise.all(bodies.map((b) => submit(b)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await rowsOf(racing)).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)!.body.receiptNumber;
    for (const lost of results.filter((r) => r.status === 409)) expect(lost.body.receiptNumber).toBe(winner);
    // the losers' attachments stay free for a corrected submission: linked to no application
    const losers = bodies.filter((_, i) => results[i].status === 409).flatMap((b) => b.attachmentIds);
    const linked = await db.query(`SELECT id FROM attachment WHERE id = ANY($1::uuid[]) AND application_id IS NOT NULL`, [losers]);
    expect(linked).toEqual([]);
  });

  it('decides the deadline by the database clock, to the second', async () => {
    const r = await openRound(t);
    await db.query(`UPDATE round SET closes_at = date_trunc('second', now()) + interval '2 seconds' WHERE id = $1`, [r.id]);
    await submit(validPayload(r, await uploadRequired(t, apiKey))).expect(201);
    await db.query(`UPDATE round SET closes_at = date_trunc('second', now()) - interval '1 second' WHERE id = $1`, [r.id]);
    const late = await submit(validPayload(r, await uploadRequired(t, apiKey))).expect(422);
    expect(late.body.code).toBe('ROUND_CLOSED');
    expect(late.body.message).toMatch(/^応募締切 \(\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}\) を過ぎているため受け付けられません/);
    // the time received to the millisecond: one just after the deadline does not read as received at it
    expect(late.body.message).toMatch(/\(受信 \d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}\.\d{3}\)/);
  });

  it('accepts inside a configured grace window and marks the application as such', async () => {
    const r = await openRound(t);
    await db.query(`UPDATE round SET closes_at = now() - interval '1 minute', grace_minutes = 30 WHERE id = $1`, [r.id]);
    const res = await submit(validPayload(r, await uploadRequired(t, apiKey))).expect(201);
    expect(res.body.receivedInGrace).toBe(true);
  });

  it('numbers receipts in order of receipt', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await submit(validPayload(round, await uploadRequired(t, apiKey))).expect(201)).body.receiptNumber);
    expect([...numbers].sort()).toEqual(numbers);
    expect(new Set(numbers).size).toBe(3);
  });

  it.each([
    ['a missing applicant', { applicant: undefined }, ['applicant']],
    [
      'a wrong 法人番号 check digit',
      { applicant: { ...validPayload({ id: 'x' } as Round, []).applicant, corporateNumber: '1234567890123' } },
      ['applicant.corporateNumber'],
    ],
    [
      'a negative and a fractional amount',
      {
        expenses: [
          { expenseType: 'machinery', amount: -5 },
          { expenseType: 'machinery', amount: 1.5 },
        ],
      },
      ['expenses[0].amount', 'expenses[1].amount'],
    ],
    ['an expense type the category does not allow', { expenses: [{ expenseType: 'yacht', amount: 5_000_000 }] }, ['expenses[0].expenseType']],
    ['an amount below the floor', { expenses: [{ expenseType: 'machinery', amount: 900_000 }], requestedAmount: undefined }, ['expenses']],
    ['a requested amount above the cap', { requestedAmount: 90_000_000 }, ['requestedAmount']],
    ['a requested amount of 0円', { requestedAmount: 0 }, ['requestedAmount']],
    // adopted for less than the 補助下限額, no 交付申請 could ever pass
    ['a requested amount below the floor (100万)', { requestedAmount: 999_999 }, ['requestedAmount']],
    // no reviewer could confirm these: the applicant lost the points without a word
    ['加点項目 the 審査基準 does not have', { bonusItems: ['wageIncreaseBonus', 'wageIncrease', '__proto__'] }, ['bonusItems[1]', 'bonusItems[2]']],
    ['no required attachments', { attachmentIds: [] }, ['attachments']],
    ['a category the round does not offer', { categoryCode: 'monozukuri.standard' }, []],
    [
      'an unknown prefecture and a bad e-mail',
      { applicant: { ...validPayload({ id: 'x' } as Round, []).applicant, prefecture: '江戸', email: 'nope' } },
      ['applicant.prefecture', 'applicant.email'],
    ],
    // addresses a resend refuses (libs/domain isMailAddress): stored, they would only bounce
    ['a doubled dot in the e-mail', { applicant: { ...validPayload({ id: 'x' } as Round, []).applicant, email: 'a..b@example.jp' } }, ['applicant.email']],
    ['an e-mail to an IP literal', { applicant: { ...validPayload({ id: 'x' } as Round, []).applicant, email: 'x@[127.0.0.1]' } }, ['applicant.email']],
    ['a full-width e-mail', { applicant: { ...validPayload({ id: 'x' } as Round, []).applicant, email: 'ａ@example.jp' } }, ['applicant.email']],
  ])('answers %s with 422 listing each field', async (_case, overrides, fields) => {
    const body = { ...validPayload(round, await uploadRequired(t, apiKey)), ...overrides };
    const res = await submit(body).expect(422);
    for (const field of fields) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('names the 加点項目 an application may claim when it claims one the 審査基準 does not have, and keeps those it has', async () => {
    const refused = await submit(validPayload(round, await uploadRequired(t, apiKey), { bonusItems: ['wageIncrease'] })).expect(422);
    expect(refused.body.errors).toEqual([
      { field: 'bonusItems[0]', message: expect.stringContaining('加点項目「wageIncrease」は、この公募回・類型の審査基準にありません（申告できる加点項目: ') },
    ]);
    expect(refused.body.errors[0].message).toContain('wageIncreaseBonus（賃上げ加点）');
    const accepted = await submit(validPayload(round, await uploadRequired(t, apiKey), { bonusItems: ['wageIncreaseBonus'] })).expect(201);
    const [row] = await db.query(`SELECT claimed_bonus_items FROM application WHERE id = $1`, [accepted.body.id]);
    expect(row.claimed_bonus_items).toEqual(['wageIncreaseBonus']);
  });

  it('takes the applicant at their word when they ask for less than the rules give: that is the application’s amount', async () => {
    // 30,000,000円 of machinery at 2/3 gives 20,000,000円; the applicant asks for 5,000,000円. It was checked and
    // dropped: the application, its 受付 mail and a 採択 were for 20,000,000円
    const body = validPayload(round, await uploadRequired(t, apiKey), { requestedAmount: 5_000_000 });
    const res = await submit(body).expect(201);
    expect(res.body.quotedAmount).toBe(5_000_000);
    const [row] = await db.query(
      `SELECT quoted_amount::int AS amount, requested_amount::int AS requested, (quote->>'amount')::int AS rules FROM application WHERE id = $1`,
      [res.body.id],
    );
    expect(row).toEqual({ amount: 5_000_000, requested: 5_000_000, rules: 20_000_000 });
    const [mail] = await db.query(`SELECT payload FROM notification WHERE application_id = $1`, [res.body.id]);
    expect(JSON.stringify(mail.payload)).toContain('5000000');
    // the list shows it as the 申請額
    const [listed] = (
      await t
        .http()
        .get(`/api/applications?filter=${encodeURIComponent(JSON.stringify({ id: [res.body.id] }))}`)
        .set('Authorization', `Bearer ${s.manager.token}`)
        .expect(200)
    ).body;
    expect(listed.quotedAmount).toBe(5_000_000);
    // without a requestedAmount, the application asks for what the rules give
    const plain = await submit(validPayload(round, await uploadRequired(t, apiKey), { requestedAmount: undefined })).expect(201);
    expect(plain.body.quotedAmount).toBe(20_000_000);
  });

  it('refuses an attachment that is too large or not what it claims, and stores nothing', async () => {
    const files = storedFiles();
    const rows = (await db.query(`SELECT count(*)::int AS n FROM attachment`))[0].n;
    const big = await upload(t, apiKey, 'businessPlan', Buffer.concat([PDF, Buffer.alloc(8192, 0x20)]));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('ATTACHMENT_TOO_LARGE');
    const fake = await upload(t, apiKey, 'businessPlan', Buffer.from('just text, not a PDF'));
    expect(fake.status).toBe(415);
    expect(fake.body.message).toContain('PDF、JPEG、PNG のみ');
    // a PNG sent as a PDF: the two disagree, which is what to fix (PNG itself is accepted)
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const renamed = await upload(t, apiKey, 'businessPlan', png, 'application/pdf', '計画書.pdf').expect(415);
    expect(renamed.body).toMatchObject({ code: 'ATTACHMENT_TYPE', detected: 'image/png', declared: 'application/pdf' });
    expect(renamed.body.message).toContain('一致しません');
    // an empty file is told it is empty, not that its type is unsupported
    const empty = await upload(t, apiKey, 'businessPlan', Buffer.alloc(0)).expect(415);
    expect(empty.body).toMatchObject({ code: 'ATTACHMENT_TYPE', message: expect.stringContaining('ファイルが空です (0バイト)') });
    const badKind = await upload(t, apiKey, 'selfie');
    expect(badKind.status).toBe(422);
    expect(badKind.body).toMatchObject({ code: 'INVALID_ATTACHMENT_UPLOAD', message: expect.stringContaining('kind (書類の種類) は') });
    // two files, or one under another field: multer's 'Unexpected field' said nothing a portal's developer could act on
    const post = () => t.http().post('/api/intake/attachments').set('X-Api-Key', apiKey).field('kind', 'businessPlan');
    for (const odd of [post().attach('file', PDF, 'a.pdf').attach('file', PDF, 'b.pdf'), post().attach('doc', PDF, 'a.pdf')]) {
      const res = await odd;
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'INVALID_ATTACHMENT_UPLOAD',
        message: expect.stringContaining('file 欄にファイルを1つ'),
        errors: [{ field: 'file' }],
      });
    }
    expect(storedFiles()).toBe(files);
    expect((await db.query(`SELECT count(*)::int AS n FROM attachment`))[0].n).toBe(rows);
    const ok = await upload(t, apiKey, 'businessPlan').expect(201);
    expect(ok.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
  });

  it('takes a corrected application back after 差戻し, keeping its 受付番号 and history', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const accepted = await submit(body).expect(201);
    const transitions = t.app.get(TransitionsService);
    await transitions.fire(accepted.body.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(accepted.body.id, 'returnForCorrection', { role: 'reviewer', id: s.reviewer.user.id }, { reason: '経費の内訳を修正してください' });
    const corrected = { ...body, attachmentIds: [], expenses: [{ expenseType: 'machinery', amount: 24_000_000 }], requestedAmount: 16_000_000 };
    const res = await t.http().post(`/api/intake/applications/${accepted.body.id}/resubmission`).set('X-Api-Key', apiKey).send(corrected).expect(200);
    expect(res.body).toMatchObject({ receiptNumber: accepted.body.receiptNumber, status: 'resubmitted', quotedAmount: 16_000_000 });
    const history = await db.query(`SELECT to_status FROM audit_log WHERE entity_id = $1 ORDER BY id`, [accepted.body.id]);
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual(['submitted', 'formalCheck', 'returned', 'resubmitted']);
  });

  it('takes a checker off an application whose 補正 corrects its 法人番号 to one they declared a conflict with (never with a conflict of interest)', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const { id } = (await submit(body).expect(201)).body as { id: string };
    const staff = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
    const assigned = await t
      .http()
      .post('/api/review-assignments')
      .set(staff(s.manager))
      .send({ applicationId: id, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
    const checklist = (await t.http().get(`/api/applications/${id}/formal-check`).set(staff(s.reviewer)).expect(200)).body;
    // sent through the portal with its documents: each suggested 適
    expect(checklist.items.filter((i: { source: string }) => i.source === 'document').map((i: { suggestion: string }) => i.suggestion)).toEqual([
      'pass',
      'pass',
      'pass',
    ]);
    const answers = checklist.items.map((i: { code: string }, n: number) => ({
      code: i.code,
      passed: n !== 0,
      ...(n === 0 ? { comment: '頁が欠けています' } : {}),
    }));
    await t.http().post(`/api/applications/${id}/formal-check/complete`).set(staff(s.reviewer)).send({ outcome: 'return', answers }).expect(200);
    // the checker declares a company the application does not (yet) name: nothing to revoke
    const corrected = corporateNumber();
    const declared = await t
      .http()
      .post('/api/conflicts-of-interest')
      .set(staff(s.reviewer))
      .send({ reviewerId: s.reviewer.user.id, kind: 'corporateNumber', value: corrected })
      .expect(201);
    expect(declared.body.revokedAssignments).toBe(0);

    const resubmitted = { ...body, attachmentIds: [], applicant: { ...body.applicant, corporateNumber: corrected } };
    await t.http().post(`/api/intake/applications/${id}/resubmission`).set('X-Api-Key', apiKey).send(resubmitted).expect(200);
    expect((await t.http().get(`/api/review-assignments/${assigned.body.id}`).set(staff(s.manager)).expect(200)).body.state).toBe('revoked');
    await t.http().get(`/api/applications/${id}`).set(staff(s.reviewer)).expect(404);
    const [revocation] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'assignment.revoke'`, [assigned.body.id]);
    expect(revocation.changes.reason).toContain(corrected);
    // the 要件確認 is open again, for a checker without the conflict
    await t
      .http()
      .post('/api/review-assignments')
      .set(staff(s.manager))
      .send({ applicationId: id, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(409);
  });

  it('takes the application’s own documents listed again in a resubmission, and refuses its resend by the state (409)', async () => {
    const body = validPayload(round, await uploadRequired(t, apiKey));
    const accepted = await submit(body).expect(201);
    const transitions = t.app.get(TransitionsService);
    await transitions.fire(accepted.body.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(accepted.body.id, 'returnForCorrection', { role: 'reviewer', id: s.reviewer.user.id }, { reason: '事業計画書を差し替えてください' });
    // the payload as submitted, its documents listed again, and one new 事業計画書
    const [replacement] = await uploadRequired(t, apiKey, ['businessPlan']);
    const corrected = { ...body, attachmentIds: [...body.attachmentIds, replacement] };
    const resubmit = () => t.http().post(`/api/intake/applications/${accepted.body.id}/resubmission`).set('X-Api-Key', apiKey).send(corrected);
    expect((await resubmit().expect(200)).body.status).toBe('resubmitted');
    const linked = await db.query(`SELECT id FROM attachment WHERE application_id = $1`, [accepted.body.id]);
    expect(linked.map((a: { id: string }) => a.id).sort()).toEqual([...body.attachmentIds, replacement].sort());
    // sent again without a key: refused by the state the first left, not as documents 「見つかりません」
    const again = await resubmit().expect(409);
    expect(JSON.stringify(again.body)).not.toContain('見つかりません');
  });

  it('refuses requests without a key or with a revoked one', async () => {
    await t.http().post('/api/intake/applications').send({}).expect(401);
    const channel = await createChannel(t, s.admin.token, '廃止予定の窓口');
    await t.http().delete(`/api/intake-channels/${channel.id}`).set('Authorization', `Bearer ${s.admin.token}`).expect(200);
    const res = await t.http().post('/api/intake/applications').set('X-Api-Key', channel.apiKey).send({}).expect(401);
    expect(res.body.message).toContain('APIキーが無効です');
  });
});

describe('intake under pressure', () => {
  let t: TestApp;
  let apiKey: string;
  beforeAll(async () => {
    t = await startTestApp({ label: 'intake_limit', overrides: { intakeRateLimit: 3 } });
    await seedStaff(t);
    const s = await loginEveryRole(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('limits submissions per channel and says when to resend', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).send({})).status);
    expect(statuses.slice(0, 3)).toEqual([422, 422, 422]);
    expect(statuses[3]).toBe(429);
    const res = await t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).send({}).expect(429);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_SUBMISSIONS' });
    expect(res.body.message).toMatch(/秒後に同じ内容 \(同じ Idempotency-Key\) で再送してください/);
  });
});
