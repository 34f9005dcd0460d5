export * from './calendar-date';
export * from './fiscal-year';
export * from './jst';
