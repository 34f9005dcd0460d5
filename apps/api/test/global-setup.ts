// Lives in the API's test kit (apps/api/src/testing/run-lifecycle.ts), which the admin's browser tests share.
export { globalSetup as default } from '../src/testing/run-lifecycle';
