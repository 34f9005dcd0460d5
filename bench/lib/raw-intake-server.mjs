#!/usr/bin/env node
/**
 * The intake benchmark's raw baseline: what the hardware does with node:http and pg alone. One route,
 * POST /applications: read the body, JSON.parse it, and in one transaction insert the application,
 * its audit record and its 受付 notification (the outbox row) — the three rows every accepted intake
 * submission writes — then answer 201 with the new id. No framework, no authentication, no validation,
 * no idempotency, no 受付番号, no workflow: the floor the product's intake is measured against
 * (bench/intake-load.mjs starts it beside the API, in its own process, and drives it with the same
 * load generator at the same concurrency).
 *
 * Environment: DATABASE_URL (the application role, as the API's), POOL_SIZE (the API's pool size),
 * ROUND_ID, CATEGORY_ID, CHANNEL_ID (rows of the bench database the application refers to). Listens on
 * a free port of 127.0.0.1 and prints `listening <port>`.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { Pool } = createRequire(join(ROOT, 'package.json'))('pg');

const { DATABASE_URL, ROUND_ID, CATEGORY_ID, CHANNEL_ID } = process.env;
const pool = new Pool({ connectionString: DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 20) });

const INSERT_APPLICATION = `INSERT INTO application (round_id, category_id, status, workflow_code, workflow_version, applicant_kind, applicant_name,
    corporate_number, size_class, employee_count, capital, prefecture, industry, email, contact_person, certified_advisor, plan_title,
    plan_summary, expenses, monthly_sales, quoted_amount, received_at, channel_id)
  VALUES ($1, $2, 'submitted', 'subsidy', 2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, now(), $19)
  RETURNING id, received_at`;
const INSERT_AUDIT = `INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, from_status, to_status, changes)
  VALUES ($1, 'intake', 'application.submit', 'application', $2, 'draft', 'submitted', $3) RETURNING id`;
const INSERT_NOTIFICATION = `INSERT INTO notification (application_id, audit_id, template, recipient, status, payload)
  VALUES ($1, $2, 'received', $3, 'pending', $4)`;

async function accept(body) {
  const a = body.applicant;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const [app] = (
      await client.query(INSERT_APPLICATION, [
        ROUND_ID,
        CATEGORY_ID,
        a.kind,
        a.name,
        a.corporateNumber,
        a.sizeClass,
        a.employeeCount,
        a.capital,
        a.prefecture,
        a.industry,
        a.email,
        a.contactPerson,
        JSON.stringify(body.certifiedAdvisor),
        body.plan.title,
        body.plan.summary,
        JSON.stringify(body.expenses),
        JSON.stringify(a.monthlySales),
        body.requestedAmount,
        CHANNEL_ID,
      ])
    ).rows;
    const [audit] = (await client.query(INSERT_AUDIT, [CHANNEL_ID, app.id, JSON.stringify({ transition: 'submit', version: { from: 1, to: 2 } })])).rows;
    await client.query(INSERT_NOTIFICATION, [app.id, audit.id, a.email, JSON.stringify({ transition: 'submit', applicantName: a.name })]);
    await client.query('COMMIT');
    return { id: app.id, receivedAt: app.received_at };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/applications') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let status = 201;
    let answer;
    try {
      answer = await accept(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch (e) {
      status = 500;
      answer = { error: e.message };
    }
    const text = JSON.stringify(answer);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }).end(text);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.close();
    pool.end().finally(() => process.exit(0));
  });
