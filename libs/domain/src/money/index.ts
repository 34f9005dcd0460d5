export * from './money';
export * from './parse-yen';
