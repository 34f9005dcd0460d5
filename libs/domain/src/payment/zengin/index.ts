export * from './transfer-file';
