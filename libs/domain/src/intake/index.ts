export * from './prefectures';
export * from './attachments';
export * from './validate-application';
export { correctionIdentityProblems, type ApplicantIdentity, type IdentityProblem } from './correction-identity';
