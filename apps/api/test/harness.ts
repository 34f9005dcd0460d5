// The harness lives in the API's test kit (apps/api/src/testing/test-app.ts), which the admin's browser tests share.
export * from '../src/testing/test-app';
