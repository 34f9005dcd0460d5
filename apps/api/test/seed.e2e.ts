import { initialState, statesTagged, workflowStatesTagged, WORKFLOWS } from '@jimukyoku/workflow';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { workflowStateSql } from '../src/database';
import { ATTACHMENT_STORAGE } from '../src/modules/intake/attachment-storage';
import { DEMO_CHANNEL_NAME } from '../src/seed/demo/demo-applications.seed';
import { demoProgrammesSeed } from '../src/seed/demo/demo-programmes.seed';
import { runSeed } from '../src/seed/seed-runner';
import { INITIAL_ADMIN } from '../src/seed/staff-accounts.seed';
import { Category } from '../src/modules/programs/category.entity';
import { Round } from '../src/modules/rounds/round.entity';
import { createDraft, draftInput } from './application-fixtures';
import { startTestApp, TestApp } from './harness';
import { tempStorageDir } from './intake-fixtures';

describe('the npm start seed', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ label: 'seed', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const snapshot = async () =>
    (
      await db.query(`SELECT (SELECT count(*)::int FROM staff_user) users, (SELECT count(*)::int FROM program) programs, (SELECT count(*)::int FROM round) rounds,
                            (SELECT count(*)::int FROM application) applications, (SELECT count(*)::int FROM audit_log) audits, (SELECT count(*)::int FROM notification) notifications`)
    )[0];

  // the whole demo (every programme family's rounds) is seeded twice here: longer than a single request's test
  it('loads reference and demo data once; a second run changes nothing', async () => {
    const first = await runSeed(db, { demo: true, attachmentStorage: t.app.get(ATTACHMENT_STORAGE) });
    expect(first.map((r) => r.step)).toEqual([
      'initial administrator',
      'reference catalogue (programmes, rule sets, categories, rounds)',
      'notification templates',
      'demo staff accounts',
      'demo applications',
      'demo benefit applications',
      'demo rounds of the other programmes',
      'demo attachments',
      'demo memos and inquiries',
      'demo payee bank accounts',
      'demo payment batches',
      'demo application exports',
      'demo imports of paper applications',
    ]);
    // an application added after the demo (a paper application a manager imported): not the demo's, so the next
    // start does not give it the demo's documents (every restart did)
    const [{ round_id: roundId, category_id: categoryId }] = await db.query(
      `SELECT round_id, category_id FROM application WHERE receipt_number IS NOT NULL LIMIT 1`,
    );
    const paper = await createDraft(
      t,
      draftInput(await db.getRepository(Round).findOneByOrFail({ id: roundId }), await db.getRepository(Category).findOneByOrFail({ id: categoryId }), {
        applicantName: '株式会社かみの申請',
      }),
    );
    await db.query(`UPDATE application SET receipt_number = 'PAPER-00000001', received_at = now() WHERE id = $1`, [paper.id]);
    const after = await snapshot();
    const second = await runSeed(db, { demo: true, attachmentStorage: t.app.get(ATTACHMENT_STORAGE) });
    expect(second.map((r) => r.summary)).toEqual([
      'already present',
      'already present',
      'already present',
      '0 created, 7 already present',
      'already present',
      'already present',
      'already present',
      'already present',
      'already present',
      'already present',
      'already present',
      'already present',
      'already present',
    ]);
    expect(await snapshot()).toEqual(after);
    expect((await db.query(`SELECT count(*)::int AS n FROM attachment WHERE application_id = $1`, [paper.id]))[0].n).toBe(0);
    // not the demo's: the checks below are of the demo's own applications
    await db.query(`DELETE FROM application WHERE id = $1`, [paper.id]);
  }, 180_000);

  it('fills the エクスポート page: a stored Excel of 第11回 written as the worker writes it, and two exports answered at once', async () => {
    const rows = await db.query(
      `SELECT delivery, status, format, total_rows, processed_rows, storage_key IS NOT NULL AS stored FROM application_export ORDER BY delivery DESC, requester_role`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ delivery: 'job', status: 'done', format: 'xlsx', stored: true });
    expect(rows[0].total_rows).toBeGreaterThan(0);
    expect(rows[0].processed_rows).toBe(rows[0].total_rows);
    expect(rows.slice(1).map((r: { delivery: string; status: string }) => [r.delivery, r.status])).toEqual([
      ['direct', 'done'],
      ['direct', 'done'],
    ]);
  });

  it('puts a few memos and 問い合わせ on demo applications, each audited', async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM application_memo) AS memos, (SELECT count(*)::int FROM inquiry) AS inquiries,
              (SELECT count(DISTINCT channel)::int FROM inquiry) AS channels,
              (SELECT count(*)::int FROM audit_log WHERE action IN ('applicationMemo.created', 'inquiry.recorded')) AS audits`,
    );
    expect(row.memos).toBeGreaterThanOrEqual(3);
    expect(row.inquiries).toBeGreaterThanOrEqual(3);
    expect(row.channels).toBe(3);
    expect(row.audits).toBe(row.memos + row.inquiries);
  });

  it('has an open payment batch to download, its totals those of its lines', async () => {
    const batches = await db.query(
      `SELECT p.total_count AS count, p.total_amount::float8 AS total, count(l.*)::int AS lines, coalesce(sum(l.amount), 0)::float8 AS sum
         FROM payment_batch p JOIN payment_batch_line l ON l.batch_id = p.id WHERE p.status = 'open' GROUP BY p.id`,
    );
    expect(batches.length).toBeGreaterThanOrEqual(1);
    for (const b of batches) expect([b.lines, b.sum]).toEqual([b.count, b.total]);
  });

  it('has paid batches: their applications 支払済 / 振込完了 / 概算払済 on the 振込日 the bank reported, each payment from its batch', async () => {
    const lines = await db.query(
      `SELECT a.status,
              to_char((a.stamps->>(CASE l.kind WHEN 'advance' THEN 'advancePaidAt' ELSE 'paidAt' END))::timestamptz AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS "paidOn", p.paid_on::text AS "batchPaidOn",
              (SELECT count(*)::int FROM audit_log x WHERE x.entity_id = a.id::text AND x.changes->>'paymentBatchId' = p.id::text) AS audits
         FROM payment_batch p JOIN payment_batch_line l ON l.batch_id = p.id JOIN application a ON a.id = l.application_id
        WHERE p.status = 'paid'`,
    );
    expect(new Set(lines.map((l: { status: string }) => l.status))).toEqual(
      new Set(['transferred', 'grantDecided', 'paid', 'advanceExcessClaimed', 'commercializationReporting', 'reportingCompleted', 'grantRevoked', 'repaid']),
    );
    for (const l of lines) expect([l.paidOn, l.audits]).toEqual([l.batchPaidOn, 1]);
    // the one whose 確定額 came below its 概算払 owes the excess back
    const [excess] = await db.query(
      `SELECT count(*)::int AS n FROM repayment_claim c JOIN application a ON a.id = c.application_id
        WHERE c.ground = 'advanceAboveFixedAmount' AND a.status = 'advanceExcessClaimed' AND c.amount > 0 AND c.due_date IS NOT NULL`,
    );
    expect(excess.n).toBe(1);
  });

  it('has five years of 事業化状況報告: a period completed with all five filed, and overdue reports for the managers’ list', async () => {
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE c.reported_at IS NOT NULL)::int AS filed,
              count(*) FILTER (WHERE c.reported_at IS NULL AND c.due_date < (now() AT TIME ZONE 'Asia/Tokyo')::date AND a.status = 'commercializationReporting')::int AS overdue,
              count(DISTINCT a.id) FILTER (WHERE a.status = 'reportingCompleted')::int AS completed
         FROM commercialization_report c JOIN application a ON a.id = c.application_id`,
    );
    expect(row.completed).toBeGreaterThanOrEqual(1);
    expect(row.filed).toBeGreaterThanOrEqual(6);
    expect(row.overdue).toBeGreaterThanOrEqual(1);
    // each report filed before it was due, the schedule running from the story's 額の確定
    const [late] = await db.query(`SELECT count(*)::int AS n FROM commercialization_report WHERE reported_at > due_date + interval '1 day'`);
    expect(late.n).toBe(0);
  });

  it('gives adopted and paid applications the payee bank account the 全銀 file takes, each audited', async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM bank_account) AS accounts,
              (SELECT count(*)::int FROM bank_account b JOIN application a ON a.id = b.application_id
                WHERE NOT (a.status = ANY($1)) AND NOT (${workflowStateSql('a')} = ANY($2))
                  AND NOT EXISTS (SELECT 1 FROM payment_batch_line l WHERE l.application_id = a.id)) AS unadopted,
              (SELECT count(*)::int FROM audit_log WHERE action = 'bankAccount.registered') AS audits`,
      [statesTagged('holdsSlot'), workflowStatesTagged('awaitsPayment')],
    );
    expect(row.accounts).toBeGreaterThanOrEqual(5);
    expect(row.unadopted).toBe(0);
    expect(row.audits).toBe(row.accounts);
    const holders = (await db.query(`SELECT account_holder_kana FROM bank_account`)).map((r: { account_holder_kana: string }) => r.account_holder_kana);
    for (const holder of holders) expect(holder).toMatch(/^(ｶ\)|ﾕ\)|ﾄﾞ\))?[ｦｱ-ﾟ-]+(\(ｶ|\(ﾕ|\(ﾄﾞ)?$/);
  });

  it('gives a newcomer applications in every state, each moved there by real transitions', async () => {
    const states = (await db.query(`SELECT DISTINCT status FROM application`)).map((r: { status: string }) => r.status).sort();
    expect(states).toEqual(
      [
        // 補助金 (事業再構築)
        'adopted',
        'draft',
        'formalCheck',
        'grantApplied',
        'grantDecided',
        'ineligible',
        'paid',
        'performanceReported',
        'rejected',
        'resubmitted',
        'returned',
        'reviewed',
        'submitted',
        'underReview',
        'waitlisted',
        'withdrawn',
        // 補助金 after 交付決定 on subsidy@2 (ものづくり 13次)
        'planChangeRequested',
        'abandonmentRequested',
        'abandoned',
        'advancePaymentRequested',
        'finalInspection',
        'amountFixed',
        'advanceExcessClaimed',
        'commercializationReporting',
        'reportingCompleted',
        'grantRevoked',
        'repaid',
        // 給付金 (事業復活支援金)
        'idIssued',
        'preChecked',
        'deficient',
        'benefitDecided',
        'transferred',
        'notGranted',
      ].sort(),
    );
    // every application past its workflow's initial state (下書き, 申請ID発行) has an audit trail that ends in its current state
    const initial = Object.values(WORKFLOWS).map((d) => initialState(d).code);
    const [orphans] = await db.query(
      `SELECT count(*)::int AS n FROM application a
        WHERE a.status <> ALL($1) AND a.status IS DISTINCT FROM (SELECT l.to_status FROM audit_log l WHERE l.entity_id = a.id::text ORDER BY l.id DESC LIMIT 1)`,
      [initial],
    );
    expect(orphans.n).toBe(0);
    const [held] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE template IN ('adopted', 'rejected', 'waitlisted')`);
    expect(held.n).toBeGreaterThan(0);
  });

  it('runs a round of every programme family, with applications in several states and amounts within their 類型’s rules', async () => {
    // per rule set (事業再構築 on 令和2年度第3次補正 and on 令和3年度補正 apart), the round whose applications are in the most states
    const rows: { ruleSet: string; round: string; states: string[] }[] = await db.query(
      `SELECT DISTINCT ON (s.code) s.code AS "ruleSet", r.code AS round, array_agg(DISTINCT a.status ORDER BY a.status) AS states
         FROM application a JOIN round r ON r.id = a.round_id JOIN rule_set s ON s.id = r.rule_set_id
        GROUP BY s.code, r.code ORDER BY s.code, count(DISTINCT a.status) DESC`,
    );
    const families = [
      'restructuring.r2-sup3',
      'restructuring.r3-sup',
      'monozukuri.r3-sup',
      'sustainability.r3-sup',
      'sustainability.r2-sup3',
      'itIntroduction.r3-sup',
      'recoveryBenefit.r3-sup',
      'regionalDx.r4',
      'regionalDigitalInnovation.r4',
      'regionalCoexistence.r4',
      'businessSuccession.r3-sup',
    ];
    const states = new Map(rows.map((r) => [r.ruleSet, r.states]));
    expect(families.filter((f) => (states.get(f)?.length ?? 0) < 3).map((f) => [f, states.get(f) ?? []])).toEqual([]);
    // IT導入's two 類型 both receive applications, and some reach the 交付決定
    const it: { category: string; n: number }[] = await db.query(
      `SELECT c.code AS category, count(*)::int AS n FROM application a JOIN category c ON c.id = a.category_id
        WHERE a.workflow_code = 'itSubsidy' AND a.receipt_number IS NOT NULL GROUP BY c.code ORDER BY c.code`,
    );
    expect(it.map((r) => r.category)).toEqual(['itIntroduction.digitalBase', 'itIntroduction.multiCompany']);
    expect(states.get('itIntroduction.r3-sup')).toEqual(expect.arrayContaining(['grantApplied', 'returned', 'grantDecided']));
    // its 交付決定 notices wait for the round's 交付決定日
    const [{ heldGrants }] = await db.query(
      `SELECT count(*)::int AS "heldGrants" FROM notification n JOIN application a ON a.id = n.application_id
        WHERE a.workflow_code = 'itSubsidy' AND a.status = 'grantDecided' AND n.status = 'held'`,
    );
    expect(heldGrants).toBeGreaterThan(0);
    // in every round, 受付 in office hours in Japan and 受付番号 in order of 受付
    const [disorder] = await db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT received_at < lag(received_at) OVER (PARTITION BY round_id ORDER BY receipt_number) AS back,
                extract(hour FROM received_at AT TIME ZONE 'Asia/Tokyo') NOT BETWEEN 9 AND 17 AS night
           FROM application WHERE receipt_number IS NOT NULL) x WHERE back OR night`,
    );
    expect(disorder.n).toBe(0);
    // every received subsidy application was quoted within its 類型's rules (the quote the submit guard checks)
    const [{ outside }] = await db.query(
      `SELECT count(*)::int AS outside FROM application a JOIN category c ON c.id = a.category_id
        WHERE a.receipt_number IS NOT NULL AND c.config->>'kind' = 'subsidy' AND (a.quote->>'eligible' IS DISTINCT FROM 'true' OR a.quoted_amount <= 0)`,
    );
    expect(outside).toBe(0);
  });

  it('adds the round of a family missing from a database seeded before, and only that one', async () => {
    const rollback = new Error('rolled back: the test changes nothing');
    await expect(
      db.transaction(async (m) => {
        // as if 事業承継・引継ぎ had joined the demo after this database was seeded
        await m.query(`UPDATE round SET code = code || '.earlier', number = number + 1000 WHERE code = 'businessSuccession.round2'`);
        expect(await demoProgrammesSeed.run(m, { demo: true, initialAdminPassword: null })).toMatch(/^applications in 事業承継・引継ぎ 第2回 \d+$/);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('shows the review at every stage: checklists, score sheets in every state, a committed decision', async () => {
    const sheets: { status: string }[] = await db.query(`SELECT DISTINCT status FROM review_score ORDER BY status`);
    expect(sheets.map((r) => r.status)).toEqual(['draft', 'submitted']);
    const [{ notStarted }] = await db.query(
      `SELECT count(*)::int AS "notStarted" FROM application_assignment x WHERE x.purpose = 'review' AND NOT EXISTS (SELECT 1 FROM review_score s WHERE s.assignment_id = x.id)`,
    );
    expect(notStarted).toBeGreaterThan(0);
    const [{ decisions }] = await db.query(`SELECT count(*)::int AS decisions FROM adoption_decision WHERE adopted_amount <= budget`);
    expect(decisions).toBeGreaterThan(0);
    const [{ checked }] = await db.query(`SELECT count(*)::int AS checked FROM application WHERE formal_check->>'completed' = 'true'`);
    expect(checked).toBeGreaterThan(0);
    const [{ returned }] = await db.query(
      `SELECT count(*)::int AS returned FROM notification WHERE template = 'returned' AND payload->>'reason' LIKE '%事業計画書%'`,
    );
    expect(returned).toBeGreaterThan(0);
  });

  it('shows a 再審査 and an applicant with history: a 第11回 回復・再生応援枠 application moved to 通常枠, a 第12回 company paid in 第10回', async () => {
    const moved = await db.query(
      `SELECT c.code, f.code AS "fromCode", a.status FROM application a JOIN round r ON r.id = a.round_id
         JOIN category c ON c.id = a.category_id JOIN category f ON f.id = a.reconsidered_from_category_id WHERE r.code = 'restructuring.round11'`,
    );
    expect(moved).toEqual([{ code: 'restructuring.standard', fromCode: 'restructuring.recovery', status: 'reviewed' }]);
    const [{ held }] = await db.query(`SELECT count(*)::int AS held FROM notification WHERE template = 'reconsidered' AND status = 'held'`);
    expect(held).toBe(1);
    const [{ again }] = await db.query(
      `SELECT count(*)::int AS again FROM application a JOIN round r ON r.id = a.round_id JOIN application e ON e.corporate_number = a.corporate_number AND e.id <> a.id
         JOIN round re ON re.id = e.round_id WHERE r.code = 'restructuring.round12' AND re.code = 'restructuring.round10' AND e.status = ANY($1)`,
      [statesTagged('holdsSlot')],
    );
    expect(again).toBe(1);
  });

  it('tells each round’s story in order: 受付 before the 締切, assignments before their due dates, decisions after the 締切', async () => {
    const rounds: { id: string; code: string }[] = await db.query(`SELECT id, code FROM round WHERE code = ANY($1)`, [
      ['restructuring.round10', 'restructuring.round11', 'restructuring.round12'],
    ]);
    expect(rounds.length).toBe(3);
    // 受付 between opening and deadline, the audit record of the submission at the same instant
    const [late] = await db.query(
      `SELECT count(*)::int AS n FROM application a JOIN round r ON r.id = a.round_id
        WHERE a.received_at IS NOT NULL AND (a.received_at < r.opens_at OR a.received_at > r.closes_at + make_interval(mins => r.grace_minutes))`,
    );
    expect(late.n).toBe(0);
    // the instants a transition stamps are ISO strings, as the services write them (not PostgreSQL's text of a timestamptz)
    const [notIso] = await db.query(
      `SELECT count(*)::int AS n FROM application a, jsonb_each_text(a.stamps) e(k, v)
        WHERE v !~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$'`,
    );
    expect(notIso.n).toBe(0);
    const [offClock] = await db.query(
      `SELECT count(*)::int AS n FROM application a JOIN audit_log l ON l.entity_id = a.id::text AND l.changes->>'transition' = 'submit'
        WHERE a.round_id = ANY($1) AND l.occurred_at <> a.received_at`,
      [rounds.map((r) => r.id)],
    );
    expect(offClock.n).toBe(0);
    // 受付番号 follow the time of 受付, within office hours in Japan
    const [disorder] = await db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT received_at < lag(received_at) OVER (PARTITION BY round_id ORDER BY receipt_number) AS back,
                extract(hour FROM received_at AT TIME ZONE 'Asia/Tokyo') NOT BETWEEN 9 AND 17 AS night
           FROM application WHERE round_id = ANY($1) AND receipt_number IS NOT NULL) x WHERE back OR night`,
      [rounds.map((r) => r.id)],
    );
    expect(disorder.n).toBe(0);
    // documents were uploaded before the 受付, through the same channel
    const [docs] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE t.created_at > a.received_at OR t.channel_id IS DISTINCT FROM a.channel_id)::int AS wrong
         FROM attachment t JOIN application a ON a.id = t.application_id`,
    );
    expect(docs.n).toBeGreaterThan(0);
    expect(docs.wrong).toBe(0);
    // nobody is assigned after the due date, nor submits before being assigned
    const [assignments] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE assigned_at >= due_at OR submitted_at < assigned_at)::int AS wrong FROM application_assignment`,
    );
    expect(assignments.n).toBeGreaterThan(0);
    expect(assignments.wrong).toBe(0);
    // a 要件確認 or review assignment comes after the application's 受付
    const [early] = await db.query(
      `SELECT count(*)::int AS n FROM application_assignment x JOIN application a ON a.id = x.application_id WHERE x.assigned_at < a.received_at`,
    );
    expect(early.n).toBe(0);
    // the decision, and every audit record of a decision transition, after the round's deadline
    const [decisions] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE l.occurred_at <= r.closes_at)::int AS early
         FROM audit_log l JOIN application a ON a.id::text = l.entity_id JOIN round r ON r.id = a.round_id
        WHERE l.changes->>'transition' IN ('adopt', 'reject', 'waitlist')`,
    );
    expect(decisions.n).toBeGreaterThan(0);
    expect(decisions.early).toBe(0);
    // an application's audit trail never goes back in time, nor into the future
    const [backwards] = await db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT l.occurred_at < lag(l.occurred_at) OVER (PARTITION BY l.entity_id ORDER BY l.id) AS back, l.occurred_at > now() AS future
           FROM audit_log l WHERE l.entity_type = 'application') x WHERE back OR future`,
    );
    expect(backwards.n).toBe(0);
  });

  it('receives the demo’s applications through an intake channel the 受付窓口 list shows', async () => {
    const [channel] = await db.query(`SELECT id, name, revoked_at, last_used_at FROM intake_channel WHERE name = $1`, [DEMO_CHANNEL_NAME]);
    expect(channel).toMatchObject({ revoked_at: null });
    const [{ without, through }] = await db.query(
      `SELECT count(*) FILTER (WHERE a.channel_id IS DISTINCT FROM $1)::int AS without, count(*) FILTER (WHERE a.channel_id = $1)::int AS through
         FROM application a`,
      [channel.id],
    );
    expect({ without, through: through > 0 }).toEqual({ without: 0, through: true });
    const [{ last }] = await db.query(`SELECT max(received_at) AS last FROM application WHERE channel_id = $1`, [channel.id]);
    expect(new Date(channel.last_used_at).getTime()).toBe(new Date(last).getTime());
    // and the portal's connection test before it, whose key was revoked
    const others: { revoked: boolean; used: boolean }[] = await db.query(
      `SELECT revoked_at < $2 AS revoked, last_used_at IS NOT NULL AS used FROM intake_channel WHERE id <> $1`,
      [channel.id, new Date(last)],
    );
    expect(others).toEqual([{ revoked: true, used: false }]);
  });

  it('gives every received application its documents (PDFs and a PNG), stored as intake stores them', async () => {
    const [{ without }] = await db.query(
      `SELECT count(*)::int AS without FROM application a WHERE a.receipt_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attachment t WHERE t.application_id = a.id)`,
    );
    expect(without).toBe(0);
    const types = (await db.query(`SELECT DISTINCT content_type FROM attachment ORDER BY 1`)).map((r: { content_type: string }) => r.content_type);
    expect(types).toEqual(['application/pdf', 'image/png']);
    for (const row of await db.query(`SELECT storage_key, sha256, size_bytes::int AS size FROM attachment ORDER BY random() LIMIT 5`)) {
      const stored = await readFile(join(t.config.storageDir, row.storage_key));
      expect({ size: stored.length, sha256: createHash('sha256').update(stored).digest('hex') }).toEqual({ size: row.size, sha256: row.sha256 });
    }
  });

  it('gives the first administrator the demo password in development, to be changed at the first login', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: INITIAL_ADMIN.email, password: INITIAL_ADMIN.password }).expect(200);
    expect(res.body.user.mustChangePassword).toBe(true);
  });
});
