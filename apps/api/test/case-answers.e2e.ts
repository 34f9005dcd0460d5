import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument } from '../src/openapi/setup-openapi';
import { QueueName } from '../src/queue';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { adoptByDecision, asIntake, categoryByCode, corporateNumber, openRound, createDraft, draftInput, HALVED_SALES } from './application-fixtures';
import { AnswerLog, groupOperations, undeclaredSuccesses } from './answer-groups';
import { uploadRequired, validPayload } from './intake-fixtures';
import type { TestApp } from './harness';
import { bearer, portal, startPostAwardEnv, v2Round, type PostAwardEnv } from './post-award-fixtures';

/** The application routes, memos, inquiries and exports: the routes whose success bodies case-answers checks (README "API conventions"). */
const GROUP = [
  /^\/api\/applications(\/bulk-transitions|\/\{id\}(\/(transitions\/\{name\}|reconsideration|history|attachments|status-links\/revoke|paper-resubmissions))?)?$/,
  /^\/api\/attachments\/\{id\}\/content$/,
  /^\/api\/application-memos/,
  /^\/api\/inquiries/,
  /^\/api\/application-exports/,
];
const EXPORT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const FILES = {
  'get /api/attachments/{id}/content 200': ['application/pdf', 'image/jpeg', 'image/png'],
  'post /api/application-exports 200': EXPORT_TYPES,
  'get /api/application-exports/{id}/content 200': EXPORT_TYPES,
};

/**
 * The application routes, the correspondence and the exports answer as their OpenAPI document says (the answers DTO
 * files in the dto/ of applications, intake, status-links, correspondence and application-exports): every success body
 * of a real exchange — the list, an application and its 申請履歴 (an earlier 採択 of the same applicant), its documents,
 * status links revoked, a transition one by one and in bulk, a 再審査, a paper 補正, a memo and an inquiry, an export
 * answered at once and one run by the worker — conforms to its route's declared schema, with no key the document does
 * not name; the files answer the types they declare.
 */
describe('the application routes, memos, inquiries and exports answer as their OpenAPI document says', () => {
  let e: PostAwardEnv;
  let doc: OpenAPIObject;
  const answers = new AnswerLog();
  const { complaints, exercised, conforms } = answers;
  const http = () => e.t.http();

  beforeAll(async () => {
    // an export of more than 2 applications is the worker's (202), of fewer the answer itself
    e = await startPostAwardEnv('case_answers', { exportDirectMaxRows: 2, workerEnabled: true, workerQueues: [QueueName.Exports] });
    doc = buildOpenApiDocument(e.t.app);
    answers.use(doc);
  }, 120_000);
  afterAll(() => e?.t.close());

  it('declares a JSON schema (or, for a file, its types) for every success of the group', () => {
    expect(undeclaredSuccesses(doc, GROUP, FILES)).toEqual([]);
  });

  it('answers every operation of the group as declared, from a submission to its export', async () => {
    const manager = bearer(e.s.manager);
    const [past, round] = [await v2Round(e), await v2Round(e)];
    const transitions = e.t.app.get(TransitionsService);
    // the same applicant twice: adopted in an earlier round, now with the same expense in 要件確認
    const base = validPayload(round, []);
    const submit = async (into = round, applicant = base.applicant) =>
      (
        await portal(e, '')
          .send({ ...base, roundId: into.id, applicant, attachmentIds: await uploadRequired(e.t, e.channel.apiKey) })
          .expect(201)
      ).body.id as string;
    const earlier = await submit(past);
    await e.db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [earlier]);
    await adoptByDecision(e.t, past, earlier, e.s.manager.user.id);
    const id = await submit();
    await transitions.fire(id, 'startFormalCheck', { role: 'system', id: null });

    // the list, one application, its history (the earlier 採択 and its warnings), documents and status links
    conforms('get', '/api/applications', await http().get('/api/applications').set(manager).expect(200));
    const shown = await http().get(`/api/applications/${id}`).set(manager).expect(200);
    conforms('get', '/api/applications/{id}', shown);
    conforms('get', '/api/applications/{id}', await http().get(`/api/applications/${earlier}`).set(manager).expect(200));
    // a benefit's application carries its 給付額 quote; one not yet given its sales, why it has none
    const benefitRound = await openRound(e.t, 'recoveryBenefit.r3-sup');
    const benefit = await categoryByCode(e.t, benefitRound, 'recoveryBenefit.benefit');
    for (const facts of [{ benefitInput: HALVED_SALES }, {}]) {
      const draft = await createDraft(e.t, draftInput(benefitRound, benefit, { applicantName: '株式会社すずらん食堂', ...facts }));
      const read = await http().get(`/api/applications/${draft.id}`).set(manager).expect(200);
      conforms('get', '/api/applications/{id}', read);
      expect(read.body.quote.eligible).toBe('benefitInput' in facts);
    }
    const history = await http().get(`/api/applications/${id}/history`).set(manager).expect(200);
    conforms('get', '/api/applications/{id}/history', history);
    expect(history.body.entries).toEqual([expect.objectContaining({ id: earlier, adopted: true })]);
    expect(history.body.flags.map((f: { kind: string }) => f.kind)).toContain('expenseAlreadySubsidised');
    const attachments = await http().get(`/api/applications/${id}/attachments`).set(manager).expect(200);
    conforms('get', '/api/applications/{id}/attachments', attachments);
    const file = await http().get(`/api/attachments/${attachments.body[0].id}/content`).set(manager).expect(200);
    const declaredTypes = Object.keys((doc.paths['/api/attachments/{id}/content'].get!.responses['200'] as ResponseObject).content ?? {});
    expect(declaredTypes).toContain(String(file.headers['content-type']).split(';')[0]);
    exercised.add('get /api/attachments/{id}/content');
    conforms('post', '/api/applications/{id}/status-links/revoke', await http().post(`/api/applications/${id}/status-links/revoke`).set(manager).expect(200));

    // a transition, and the same in bulk
    const transition = shown.body.transitions.find((x: { name: string }) => x.name === 'markIneligible');
    conforms(
      'post',
      '/api/applications/{id}/transitions/{name}',
      await http().post(`/api/applications/${id}/transitions/${transition.name}`).set(manager).send({ reason: '確認のため' }).expect(200),
    );
    const other = await submit(round, { ...base.applicant, corporateNumber: corporateNumber() });
    await transitions.fire(other, 'startFormalCheck', { role: 'system', id: null });
    conforms(
      'post',
      '/api/applications/bulk-transitions',
      await http()
        .post('/api/applications/bulk-transitions')
        .set(manager)
        .send({ ids: [other], transition: transition.name, reason: '確認のため' })
        .expect(200),
    );

    // 再審査 in 通常枠 of a reviewed 回復・再生応援枠 application
    const recovery = await categoryByCode(e.t, round, 'restructuring.recovery');
    const standard = await categoryByCode(e.t, round, 'restructuring.standard');
    const moved = await createDraft(e.t, draftInput(round, recovery, { applicantName: '株式会社再審査' }));
    await e.db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [moved.id]);
    conforms(
      'post',
      '/api/applications/{id}/reconsideration',
      await http()
        .post(`/api/applications/${moved.id}/reconsideration`)
        .set(manager)
        .send({ categoryId: standard.id, reason: '通常枠で再審査する' })
        .expect(200),
    );

    // a paper application returned for correction, corrected on paper
    const paper = await createDraft(e.t, draftInput(round, standard, { applicantName: '株式会社かみ' }));
    await asIntake(e.t, paper.id, 'submit');
    await transitions.fire(paper.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(paper.id, 'returnForCorrection', { role: 'reviewer', id: null }, { reason: '事業計画書の補正をお願いします' });
    conforms(
      'post',
      '/api/applications/{id}/paper-resubmissions',
      await http()
        .post(`/api/applications/${paper.id}/paper-resubmissions`)
        .set(manager)
        .send({
          application: { ...base, applicant: { ...base.applicant, name: '株式会社かみ', corporateNumber: paper.corporateNumber } },
          documents: ['businessPlan'],
          note: '簡易書留で受領',
        })
        .expect(200),
    );

    // what staff noted and the applicant asked: a memo and an inquiry, each written, listed and read
    const memo = await http().post('/api/application-memos').set(manager).send({ applicationId: id, body: '売上台帳の原本提示を依頼済み' }).expect(201);
    conforms('post', '/api/application-memos', memo);
    conforms('get', '/api/application-memos', await http().get('/api/application-memos').set(manager).expect(200));
    conforms('get', '/api/application-memos/{id}', await http().get(`/api/application-memos/${memo.body.id}`).set(manager).expect(200));
    const inquiry = await http()
      .post('/api/inquiries')
      .set(manager)
      // a minute ago: an inquiry is dated between its round's 公募開始 and now
      .send({ applicationId: id, occurredAt: new Date(Date.now() - 60_000).toISOString(), channel: 'phone', direction: 'inbound', summary: '補正期限の確認' })
      .expect(201);
    conforms('post', '/api/inquiries', inquiry);
    conforms('get', '/api/inquiries', await http().get('/api/inquiries').set(manager).expect(200));
    conforms('get', '/api/inquiries/{id}', await http().get(`/api/inquiries/${inquiry.body.id}`).set(manager).expect(200));

    // exports: one application is the file itself; all of them go to the worker, then the file
    const fileType = (path: string, status: number, res: { headers: Record<string, string> }) => {
      expect(FILES[`${path} ${status}` as keyof typeof FILES]).toContain(String(res.headers['content-type']).split(';')[0]);
      exercised.add(path);
    };
    const asFile = (req: ReturnType<ReturnType<TestApp['http']>['get']>) =>
      req.buffer(true).parse((res, cb) => {
        res.on('data', () => undefined);
        res.on('end', () => cb(null, null));
      });
    fileType(
      'post /api/application-exports',
      200,
      await asFile(
        http()
          .post('/api/application-exports')
          .set(manager)
          .send({ format: 'xlsx', filter: { id: [id] } }),
      ).expect(200),
    );
    const queued = await http().post('/api/application-exports').set(manager).send({ format: 'csv' }).expect(202);
    conforms('post', '/api/application-exports', queued);
    let record = queued.body;
    for (let i = 0; i < 100 && record.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const read = await http().get(`/api/application-exports/${queued.body.id}`).set(manager).expect(200);
      conforms('get', '/api/application-exports/{id}', read);
      record = read.body;
    }
    expect(record.status).toBe('done');
    conforms('get', '/api/application-exports', await http().get('/api/application-exports').set(manager).expect(200));
    fileType(
      'get /api/application-exports/{id}/content',
      200,
      await asFile(http().get(`/api/application-exports/${record.id}/content`).set(manager)).expect(200),
    );

    expect(complaints).toEqual([]);
    expect([...exercised].sort()).toEqual(
      groupOperations(doc, GROUP)
        .map((o) => o.key)
        .sort(),
    );
  }, 180_000);
});
