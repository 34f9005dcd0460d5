export * from './calendar-date';
export * from './jst';
