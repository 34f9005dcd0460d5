import type { SeedStep } from './seed-step';
import { demoApplicationsSeed } from './demo/demo-applications.seed';
import { demoAttachmentsSeed } from './demo/demo-attachments.seed';
import { demoBankAccountsSeed } from './demo/demo-bank-accounts.seed';
import { demoBenefitSeed } from './demo/demo-benefit.seed';
import { demoCorrespondenceSeed } from './demo/demo-correspondence.seed';
import { demoExportsSeed } from './demo/demo-exports.seed';
import { demoImportsSeed } from './demo/demo-imports.seed';
import { demoPaymentBatchesSeed } from './demo/demo-payment-batches.seed';
import { demoProgrammesSeed } from './demo/demo-programmes.seed';
import { notificationTemplatesSeed } from './notification-templates.seed';
import { referenceCatalogueSeed } from './reference-catalogue.seed';
import { demoStaffSeed, initialAdminSeed } from './staff-accounts.seed';

/** Every seed step in load order; each capability adds its reference and demo data here. */
export const SEED_STEPS: SeedStep[] = [
  initialAdminSeed,
  referenceCatalogueSeed,
  notificationTemplatesSeed,
  demoStaffSeed,
  demoApplicationsSeed,
  demoBenefitSeed,
  demoProgrammesSeed,
  demoAttachmentsSeed,
  demoCorrespondenceSeed,
  demoBankAccountsSeed,
  demoPaymentBatchesSeed,
  demoExportsSeed,
  demoImportsSeed,
];
