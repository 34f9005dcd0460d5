export * from './render';
export * from './default-templates';
export * from './digest';
export * from './mail-address';
export * from './resend';
