import { randomUUID } from 'node:crypto';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { buildOpenApiDocument } from '../src/openapi/setup-openapi';
import { adoptByDecision } from './application-fixtures';
import { uploadRequired, validPayload } from './intake-fixtures';
import { answerChecker } from './openapi-answers';
import { bearer, evidence, machinery, portal, startPostAwardEnv, v2Round, type PostAwardEnv } from './post-award-fixtures';

/**
 * The channel API's answers are what OpenAPI tells the portal (dto/intake-answers.dto.ts): every success body of a
 * real exchange (upload, submission and its replay, status, resubmission, the post-award filings) conforms to its
 * route's declared schema, with no key the document does not name.
 */
describe('the channel API answers as its OpenAPI document says', () => {
  let e: PostAwardEnv;
  let check: ReturnType<typeof answerChecker>;
  const complaints: string[] = [];
  const conforms = (method: 'get' | 'post', path: string, res: { status: number; body: unknown }) =>
    complaints.push(...check(method, path, res.status, res.body));

  beforeAll(async () => {
    e = await startPostAwardEnv('intake_answers');
    check = answerChecker(buildOpenApiDocument(e.t.app));
  });
  afterAll(() => e?.t.close());

  it('declares a schema for every success of the channel API', () => {
    const doc = buildOpenApiDocument(e.t.app);
    const undeclared = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/intake/'))
      .flatMap(([path, item]) =>
        Object.entries(item as Record<string, { responses: Record<string, { content?: unknown }> }>).flatMap(([method, op]) =>
          Object.entries(op.responses)
            .filter(([status, r]) => status.startsWith('2') && !r.content)
            .map(([status]) => `${method} ${path} ${status}`),
        ),
      );
    expect(undeclared).toEqual([]);
  });

  it('upload, submission, replay, status, resubmission and post-award filings', async () => {
    const round = await v2Round(e);
    const key = e.channel.apiKey;
    const upload = await e.t
      .http()
      .post('/api/intake/attachments')
      .set('X-Api-Key', key)
      .field('kind', 'businessPlan')
      .attach('file', Buffer.from('%PDF-1.4 answers'), { filename: '事業計画書.pdf', contentType: 'application/pdf' })
      .expect(201);
    conforms('post', '/api/intake/attachments', upload);

    const payload = validPayload(round, await uploadRequired(e.t, key));
    const idempotencyKey = randomUUID();
    const send = () => e.t.http().post('/api/intake/applications').set('X-Api-Key', key).set('Idempotency-Key', idempotencyKey).send(payload).expect(201);
    const submitted = await send();
    conforms('post', '/api/intake/applications', submitted);
    conforms('post', '/api/intake/applications', await send());
    const id: string = submitted.body.id;
    conforms('get', '/api/intake/applications/{id}', await e.t.http().get(`/api/intake/applications/${id}`).set('X-Api-Key', key).expect(200));

    // 差戻し, then the corrected application resubmitted
    const transitions = e.t.app.get(TransitionsService);
    await transitions.fire(id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(id, 'returnForCorrection', { role: 'reviewer', id: e.s.reviewer.user.id }, { reason: '売上見込みの根拠を追記してください' });
    const resubmitted = await e.t
      .http()
      .post(`/api/intake/applications/${id}/resubmission`)
      .set('X-Api-Key', key)
      .send(validPayload(round, await uploadRequired(e.t, key)))
      .expect(200);
    conforms('post', '/api/intake/applications/{id}/resubmission', resubmitted);

    // adopted and announced: 交付申請, then 実績報告 once granted
    await e.db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [id]);
    await adoptByDecision(e.t, round, id, e.s.manager.user.id);
    await e.db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    const applied = await portal(e, `${id}/grant-application`)
      .send({ expenses: machinery(24_000_000) })
      .expect(200);
    conforms('post', '/api/intake/applications/{id}/grant-application', applied);
    await e.t.http().post(`/api/applications/${id}/grant-decision`).set(bearer(e.s.manager)).expect(200);
    const reported = await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    conforms('post', '/api/intake/applications/{id}/performance-report', reported);

    expect(complaints).toEqual([]);
  });

  it('names a body that strays from the document', () => {
    const stray = check('post', '/api/intake/applications/{id}/performance-report', 200, { id: 'not-a-uuid', extra: 1 });
    expect(stray.join('\n')).toMatch(/must NOT have additional properties .*extra/);
    expect(stray.join('\n')).toMatch(/must match format "uuid"/);
    expect(stray.join('\n')).toMatch(/must have required property 'statusUrl'/);
  });
});
