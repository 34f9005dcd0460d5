import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument } from '../src/openapi/setup-openapi';
import { adoptByDecision, categoryByCode, createDraft, draftInput } from './application-fixtures';
import { AnswerLog, groupOperations, undeclaredSuccesses } from './answer-groups';
import { uploadRequired, validPayload } from './intake-fixtures';
import { bankingDay, lastBusinessDay, nextBusinessDay, todayJst, transferDateHasCome } from './payment-fixtures';
import { bearer, evidence, machinery, portal, startPostAwardEnv, v2Round, type PostAwardEnv } from './post-award-fixtures';

/** The money half after 採択: the routes whose success bodies award-answers checks (README "API conventions"). */
const GROUP = [
  /^\/api\/applications\/\{id\}\/(post-award|grant-decision|final-inspection|amount-fixing|paper-filings|grant-revocation|repayments)$/,
  /^\/api\/commercialization-reports$/,
  /^\/api\/bank-accounts/,
  /^\/api\/payment-batches/,
];
const FILES = { 'get /api/payment-batches/{id}/zengin 200': ['text/plain'] };

/**
 * The post-award half, the payees' accounts and the payment batches answer as their OpenAPI document says (the answers
 * DTO files in the dto/ of post-award, bank-accounts and payment-batches): every success body of a real exchange — a
 * 交付決定, 確定検査 and 額の確定, the 事業化状況報告 due, an account registered and changed, a batch made and
 * cancelled, another made, downloaded and confirmed, the grant revoked and the 返還 received, a paper application's
 * 交付申請 — conforms to its route's declared schema, with no key the document does not name.
 */
describe('the money half after 採択 answers as its OpenAPI document says', () => {
  let e: PostAwardEnv;
  let doc: OpenAPIObject;
  const answers = new AnswerLog();
  const { complaints, exercised, conforms, check } = answers;
  const http = () => e.t.http();

  beforeAll(async () => {
    e = await startPostAwardEnv('award_answers');
    doc = buildOpenApiDocument(e.t.app);
    answers.use(doc);
  }, 120_000);
  afterAll(() => e?.t.close());

  it('declares a JSON schema (or, for a file, its type) for every success of the group', () => {
    expect(undeclaredSuccesses(doc, GROUP, FILES)).toEqual([]);
  });

  it('answers every operation of the group as declared, from the 交付決定 to the 返還', async () => {
    const manager = bearer(e.s.manager);
    const round = await v2Round(e);

    // a portal application adopted: its 交付決定, 実績報告, 確定検査 (a line cut) and 額の確定
    const submitted = await portal(e, '')
      .send(validPayload(round, await uploadRequired(e.t, e.channel.apiKey)))
      .expect(201);
    const id: string = submitted.body.id;
    await e.db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [id]);
    await adoptByDecision(e.t, round, id, e.s.manager.user.id);
    await e.db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    await portal(e, `${id}/grant-application`)
      .send({ expenses: machinery(24_000_000) })
      .expect(200);
    conforms('get', '/api/applications/{id}/post-award', await http().get(`/api/applications/${id}/post-award`).set(manager).expect(200));
    conforms('post', '/api/applications/{id}/grant-decision', await http().post(`/api/applications/${id}/grant-decision`).set(manager).expect(200));
    await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    await http().post(`/api/applications/${id}/transitions/startFinalInspection`).set(manager).send({}).expect(200);
    conforms(
      'put',
      '/api/applications/{id}/final-inspection',
      await http()
        .put(`/api/applications/${id}/final-inspection`)
        .set(manager)
        .send({ lines: [{ index: 0, acceptedAmount: 21_000_000, reason: '送料は対象外' }] })
        .expect(200),
    );
    conforms('post', '/api/applications/{id}/amount-fixing', await http().post(`/api/applications/${id}/amount-fixing`).set(manager).send({}).expect(200));
    conforms('get', '/api/commercialization-reports', await http().get('/api/commercialization-reports').set(manager).expect(200));

    // the payee's account: registered, listed, read, changed
    const account = await http()
      .post('/api/bank-accounts')
      .set(manager)
      .send({ applicationId: id, bankCode: '0001', branchCode: '123', depositType: '1', accountNumber: '1234567', accountHolderKana: 'ｶ)ﾃｽﾄｼﾖｳｼﾞ' })
      .expect(201);
    conforms('post', '/api/bank-accounts', account);
    conforms('get', '/api/bank-accounts', await http().get('/api/bank-accounts').set(manager).expect(200));
    conforms('get', '/api/bank-accounts/{id}', await http().get(`/api/bank-accounts/${account.body.id}`).set(manager).expect(200));
    conforms(
      'put',
      '/api/bank-accounts/{id}',
      await http()
        .put(`/api/bank-accounts/${account.body.id}`)
        .set(manager)
        .send({ ...account.body, branchCode: '456' })
        .expect(200),
    );

    // a batch made and cancelled; another made, listed, read (the application shows it), downloaded and confirmed
    const batch = () =>
      http()
        .post('/api/payment-batches')
        .set(manager)
        .send({ roundId: round.id, transferDate: nextBusinessDay(), applicationIds: [id] })
        .expect(201);
    const first = await batch();
    conforms('post', '/api/payment-batches', first);
    conforms('post', '/api/payment-batches/{id}/cancel', await http().post(`/api/payment-batches/${first.body.id}/cancel`).set(manager).expect(200));
    const second = await batch();
    conforms('get', '/api/payment-batches', await http().get('/api/payment-batches').set(manager).expect(200));
    conforms('get', '/api/payment-batches/{id}', await http().get(`/api/payment-batches/${second.body.id}`).set(manager).expect(200));
    const carried = await http().get(`/api/applications/${id}/post-award`).set(manager).expect(200);
    expect(carried.body.paymentBatch).toEqual({ id: second.body.id, transferDate: second.body.transferDate });
    conforms('get', '/api/applications/{id}/post-award', carried);
    const file = await http().get(`/api/payment-batches/${second.body.id}/zengin`).set(manager).buffer(true).expect(200);
    const declaredTypes = Object.keys((doc.paths['/api/payment-batches/{id}/zengin'].get!.responses['200'] as ResponseObject).content ?? {});
    expect(declaredTypes).toContain(String(file.headers['content-type']).split(';')[0]);
    exercised.add('get /api/payment-batches/{id}/zengin');
    await transferDateHasCome(e.t, second.body.id, lastBusinessDay());
    conforms(
      'post',
      '/api/payment-batches/{id}/confirm',
      await http().post(`/api/payment-batches/${second.body.id}/confirm`).set(manager).send({ paidOn: lastBusinessDay() }).expect(200),
    );

    // the grant revoked after the 支払: the 返還 claimed and received in part
    conforms(
      'post',
      '/api/applications/{id}/grant-revocation',
      await http()
        .post(`/api/applications/${id}/grant-revocation`)
        .set(manager)
        .send({
          reason: '補助事業を実施していないことが判明したため',
          dueDate: bankingDay(30, 1),
        })
        .expect(200),
    );
    const repaid = await http()
      .post(`/api/applications/${id}/repayments`)
      .set(manager)
      .send({ receivedOn: todayJst(), amount: 1_000_000, note: '一部入金' })
      .expect(200);
    conforms('post', '/api/applications/{id}/repayments', repaid);
    expect(repaid.body.repayment.received).toHaveLength(1);

    // a paper application's 交付申請, recorded by the manager
    const standard = await categoryByCode(e.t, round, 'restructuring.standard');
    const paper = await createDraft(e.t, draftInput(round, standard, { applicantName: '株式会社紙の実績' }));
    await e.db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [paper.id]);
    await adoptByDecision(e.t, round, paper.id, e.s.manager.user.id);
    conforms(
      'post',
      '/api/applications/{id}/paper-filings',
      await http()
        .post(`/api/applications/${paper.id}/paper-filings`)
        .set(manager)
        .send({ step: 'grantApplication', expenses: machinery(20_000_000), documents: ['other'], note: '5月10日 簡易書留で受領' })
        .expect(200),
    );

    expect(complaints).toEqual([]);
    expect([...exercised].sort()).toEqual(
      groupOperations(doc, GROUP)
        .map((o) => o.key)
        .sort(),
    );
  }, 180_000);

  it('holds a nullable nested object to its schema when it is not null', () => {
    const stray = check('get', '/api/applications/{id}/post-award', 200, { repayment: { amount: 1, extra: 1 } });
    expect(stray.join('\n')).toMatch(/must NOT have additional properties .*extra/);
    expect(stray.join('\n')).toMatch(/must have required property 'outstanding'/);
  });
});
