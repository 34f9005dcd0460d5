// The run's names live in the API's test kit (apps/api/src/testing), which the admin's browser tests share.
export * from '../src/testing/test-run';
