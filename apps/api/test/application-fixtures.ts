// Application fixtures (rounds, drafts, transitions as the intake channel) live in the API's test kit
// (apps/api/src/testing/applications.ts), which the admin's browser tests share: edit them there.
export * from '../src/testing/applications';
