import { ATTACHMENT_KINDS, requiredAttachmentKinds, type AttachmentKind, type CategoryConfig } from '@jimukyoku/domain';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Transaction } from '../../database';
import type { AttachmentStorage } from '../../modules/intake/attachment-storage';
import { detectContentType } from '../../modules/intake/attachment-upload';
import type { IntakeRepository } from '../../modules/intake/intake.repository';
import type { SeedStep } from '../seed-step';
import { demoPdf, demoPng } from './demo-documents';
import { demoServices } from './demo-services';

/** A document to attach: what intake records of an upload. */
export interface DemoDocument {
  kind: AttachmentKind;
  fileName: string;
  content: Buffer;
}

/**
 * Stores a document as intake does (the bytes through AttachmentStorage, hashed on the way; the row
 * through IntakeRepository) and links it to the application. Demo seeds and tests use it.
 */
export async function attachDocument(
  storage: AttachmentStorage,
  intake: IntakeRepository,
  applicationId: string,
  doc: DemoDocument,
  tx: Transaction,
): Promise<string> {
  const stored = await storage.write(Readable.from([doc.content]), doc.content.length);
  const contentType = detectContentType(stored.head);
  if (!contentType) throw new Error(`${doc.fileName} is neither PDF, JPEG nor PNG`);
  const row = await intake.insertAttachment({
    channelId: null,
    kind: doc.kind,
    fileName: doc.fileName,
    contentType,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    storageKey: stored.key,
  });
  await intake.linkAttachments([row.id], applicationId, tx);
  return row.id;
}

const FILE_NAMES: Record<AttachmentKind, string> = {
  businessPlan: '事業計画書.pdf',
  advisorConfirmation: '認定支援機関確認書.pdf',
  financialInstitutionConfirmation: '金融機関確認書.pdf',
  financialStatements: '決算書.pdf',
  salesEvidence: '売上台帳.pdf',
  contract: '契約書.pdf',
  invoice: '請求書.pdf',
  paymentProof: '領収書.pdf',
  other: 'その他.pdf',
};

const TITLES: Record<AttachmentKind, string> = {
  businessPlan: 'Business plan',
  advisorConfirmation: 'Confirmation by the certified support institution',
  financialInstitutionConfirmation: 'Confirmation by the financial institution',
  financialStatements: 'Financial statements',
  salesEvidence: 'Sales ledger',
  contract: 'Contract',
  invoice: 'Invoice',
  paymentProof: 'Receipt',
  other: 'Other document',
};

interface Received {
  id: string;
  receipt_number: string;
  quoted_amount: string | null;
  config: CategoryConfig;
}

/** The documents of one demo application: its category's required ones as PDFs, and a sales chart (PNG) for some. */
function documentsOf(app: Received, n: number): DemoDocument[] {
  const kinds = requiredAttachmentKinds(app.config, Number(app.quoted_amount ?? 0));
  const docs: DemoDocument[] = kinds.map((kind) => ({
    kind,
    fileName: FILE_NAMES[kind],
    content: demoPdf(`${TITLES[kind]} - ${app.receipt_number}`, [
      `Receipt number: ${app.receipt_number}`,
      `Document: ${kind} (${ATTACHMENT_KINDS[kind]})`,
      'This page stands in for the applicant’s document in the demo data.',
    ]),
  }));
  if (n % 3 === 0 || app.config.kind === 'benefit') {
    const sales = Array.from({ length: 6 }, (_, i) => 8 + ((n * 7 + i * 5) % 6) - (i === 5 ? 4 : 0));
    docs.push({ kind: app.config.kind === 'benefit' ? 'salesEvidence' : 'other', fileName: '売上高の推移.png', content: demoPng(sales) });
  }
  return docs;
}

/**
 * Every received demo application gets the documents an applicant would have uploaded (small
 * generated PDFs, and a PNG chart for some), written through the attachment storage intake uses, so
 * the 添付書類 panels show real files. Needs the app's storage (`attachmentStorage` of the seed context).
 */
export const demoAttachmentsSeed: SeedStep = {
  name: 'demo attachments',
  kind: 'demo',
  async run(m: EntityManager, context) {
    const storage = context.attachmentStorage;
    if (!storage) return 'skipped: no attachment storage given';
    // once only: the demo's applications have no attachment before this step (it is the first to write any), and
    // applications added after it (a bulk import of paper applications, a test submission) are not the demo's: on
    // every restart they were given the demo's documents, and starting twice changed the data
    if ((await m.query(`SELECT 1 FROM attachment LIMIT 1`)).length > 0) return 'already present';
    const apps: Received[] = await m.query(
      `SELECT a.id, a.receipt_number, a.quoted_amount, c.config FROM application a JOIN category c ON c.id = a.category_id
        WHERE a.receipt_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attachment t WHERE t.application_id = a.id)
        ORDER BY a.receipt_number`,
    );
    if (apps.length === 0) return 'already present';
    const { intake, tx } = demoServices(m);
    let files = 0;
    for (const [n, app] of apps.entries()) {
      for (const doc of documentsOf(app, n)) {
        await attachDocument(storage, intake, app.id, doc, tx);
        files++;
      }
    }
    // uploaded through the application's channel a few minutes before its 受付, as an applicant would have
    await m.query(
      `UPDATE attachment t SET created_at = a.received_at - make_interval(mins => 5 + (abs(hashtext(t.file_name)) % 50)), channel_id = a.channel_id
         FROM application a WHERE a.id = t.application_id AND a.received_at IS NOT NULL AND t.created_at >= now()`,
    );
    return `${files} documents for ${apps.length} applications`;
  },
};
