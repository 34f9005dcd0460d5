// Import rows and the import worker live in the API's test kit (apps/api/src/testing/imports.ts), which the
// admin's browser tests share.
export { IMPORT_HEADER, importRow, startImportWorker } from '../src/testing/imports';
