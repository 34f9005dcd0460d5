export * from './prefectures';
export * from './attachments';
export * from './validate-application';
export { correctionIdentityProblems, type ApplicationHolder, type IdentityProblem } from './correction-identity';
