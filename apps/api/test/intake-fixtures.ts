import { randomUUID } from 'node:crypto';
import type { Round } from '../src/modules/rounds/round.entity';
import { corporateNumber } from './application-fixtures';
import type { TestApp } from './harness';

export { tempStorageDir } from '../src/testing/imports';

/** A minimal but real PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function createChannel(t: TestApp, adminToken: string, name = '電子申請システム'): Promise<{ id: string; apiKey: string }> {
  const res = await t.http().post('/api/intake-channels').set('Authorization', `Bearer ${adminToken}`).send({ name }).expect(201);
  return res.body;
}

export function upload(t: TestApp, apiKey: string, kind: string, content: Buffer = PDF, contentType = 'application/pdf', filename = `${kind}.pdf`) {
  return t.http().post('/api/intake/attachments').set('X-Api-Key', apiKey).field('kind', kind).attach('file', content, { filename, contentType });
}

export async function uploadRequired(t: TestApp, apiKey: string, kinds = ['businessPlan', 'advisorConfirmation', 'salesEvidence']): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) ids.push((await upload(t, apiKey, kind).expect(201)).body.id);
  return ids;
}

/** Sales fell 20% in 2020-04..06 against 2019: the 10% decline test passes. */
export const DECLINING_SALES = ['04', '05', '06', '07', '08', '09'].flatMap((m) => [
  { month: `2019-${m}`, amount: 10_000_000 },
  { month: `2020-${m}`, amount: 8_000_000 },
]);

export function validPayload(round: Round, attachmentIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    roundId: round.id,
    categoryCode: 'restructuring.standard',
    applicant: {
      kind: 'corporation',
      name: '株式会社さくら精機',
      corporateNumber: corporateNumber(),
      sizeClass: 'sme',
      employeeCount: 30,
      capital: 30_000_000,
      prefecture: '北海道',
      industry: 'manufacturing',
      email: 'Info@Sakura.example.jp',
      contactPerson: '桜井 花子',
      monthlySales: DECLINING_SALES,
    },
    plan: { title: 'EV向け部品への新分野展開', summary: 'ガソリン車向け部品から電気自動車向け部品へ' },
    certifiedAdvisor: { name: '北海道経営支援センター', id: '106213000000' },
    expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '5軸加工機' }],
    requestedAmount: 20_000_000,
    attachmentIds,
    ...overrides,
  };
}

/** A valid application with its required attachments, submitted through `apiKey`'s channel (201); its answer body. */
export async function submitValid(t: TestApp, apiKey: string, round: Round) {
  const payload = validPayload(round, await uploadRequired(t, apiKey));
  return (await t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', randomUUID()).send(payload).expect(201)).body;
}

/**
 * An IT導入補助金 交付申請 of デジタル化基盤導入類型 as the portal sends it: 株式会社つばき会計 with 600,000円 of 会計ソフト,
 * unless `overrides` says otherwise (`name` for the applicant's).
 */
export function itApplicationPayload(round: Round, attachmentIds: string[], overrides: { name?: string; expenses?: unknown[]; plan?: object } = {}) {
  return {
    roundId: round.id,
    categoryCode: 'itIntroduction.digitalBase',
    applicant: {
      kind: 'corporation',
      name: overrides.name ?? '株式会社つばき会計',
      corporateNumber: corporateNumber(),
      sizeClass: 'sme',
      employeeCount: 12,
      capital: 10_000_000,
      prefecture: '宮城県',
      industry: 'service',
      email: 'info@tsubaki.example.jp',
    },
    plan: overrides.plan ?? { title: '会計・受発注のデジタル化', summary: '会計ソフトと受発注ソフトを導入する' },
    expenses: overrides.expenses ?? [{ expenseType: 'software', amount: 600_000, description: '会計ソフト' }],
    attachmentIds,
  };
}
