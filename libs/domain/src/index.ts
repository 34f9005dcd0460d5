export * from './money';
export * from './applicant';
export * from './eligibility';
export * from './benefit';
