export * from './visible-text';
