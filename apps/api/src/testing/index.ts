/**
 * The API's test kit, `@jimukyoku/api/testing` (apps/api/package.json "exports"): what the admin's browser
 * tests (apps/admin/e2e) need of the API, so they import no file of apps/api. It boots the real API on a
 * fresh, migrated database of the jest run (whose globalSetup, run-lifecycle.ts, names the run), seeds the reference catalogue,
 * the notification templates and the staff, logs staff in, and makes rounds, drafts, import rows and attachments. The
 * API's own e2e suites (apps/api/test) use the same modules through their helper files.
 */
export { startTestApp, type TestApp, type TestConfigOverrides } from './test-app';
export { databaseOf, seedDemo, seedNotificationTemplates, seedReferenceCatalogue, type TestDatabase } from './seeds';
export {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  INITIAL_ADMIN,
  login,
  loginAdmin,
  PRODUCTION_TEST_PASSWORD,
  seedStaff,
  seedStaffForProduction,
  type LoggedIn,
} from './staff';
export {
  adoptByDecision,
  asIntake,
  asRole,
  assign,
  categoryByCode,
  closeRound,
  corporateNumber,
  createDraft,
  draftInput,
  benefitDraftInput,
  HALVED_SALES,
  PRE_CHECK,
  openRound,
  recordFormalCheck,
  reopenRound,
} from './applications';
export { IMPORT_HEADER, importRow, startImportWorker, tempStorageDir } from './imports';
export { attachDocument, demoPdf, demoPng } from './attachments';
export { bankingDay, transferDateHasCome } from './payments';
export { startSmtpSink, waitFor, type ReceivedMail } from './smtp-sink';
