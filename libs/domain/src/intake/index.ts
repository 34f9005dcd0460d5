export * from './prefectures';
export * from './attachments';
export * from './validate-application';
