export * from './money';
export * from './applicant';
