export { MemosTab } from './MemosTab';
export { InquiriesTab } from './InquiriesTab';
