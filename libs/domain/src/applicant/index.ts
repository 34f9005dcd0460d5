export * from './applicant';
export * from './history';
