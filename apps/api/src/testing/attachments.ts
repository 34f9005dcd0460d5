import { UnitOfWork } from '../database';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../modules/intake/attachment-storage';
import { IntakeRepository } from '../modules/intake/intake.repository';
import { attachDocument as store, type DemoDocument } from '../seed/demo/demo-attachments.seed';
import type { TestApp } from './test-app';

export { demoPdf, demoPng } from '../seed/demo/demo-documents';

/**
 * Stores a document for an application as intake does (bytes through the app's attachment storage,
 * the row through IntakeRepository, linked in one transaction); returns the attachment's id.
 */
export function attachDocument(t: TestApp, applicationId: string, doc: DemoDocument): Promise<string> {
  const storage = t.app.get<AttachmentStorage>(ATTACHMENT_STORAGE);
  const intake = t.app.get(IntakeRepository);
  return t.app.get(UnitOfWork).run((tx) => store(storage, intake, applicationId, doc, tx));
}
