export * from './render';
export * from './default-templates';
