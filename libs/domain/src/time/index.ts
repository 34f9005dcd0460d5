export * from './jst';
