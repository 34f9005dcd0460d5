export { AttachmentsTab, AttachmentsWorkspace, WithAttachments } from './Attachments';
export { AttachmentsPanel, useAttachments } from './AttachmentsPanel';
export { AttachmentViewer } from './AttachmentViewer';
export { type Attachment } from './api';
export { formatBytes } from './format';
