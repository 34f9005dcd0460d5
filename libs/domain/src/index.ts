export * from './money';
export * from './applicant';
export * from './eligibility';
export * from './benefit';
export * from './category';
export * from './quote';
export * from './catalogue';
export * from './time';
