export * from './bank-account';
export * from './zengin-kana';
export * from './settlement';
export * from './confirmation-date';
