export { AttachmentsTab, AttachmentsWorkspace, WithAttachments } from './Attachments';
export { AttachmentsPanel, useAttachments } from './AttachmentsPanel';
export { AttachmentViewer } from './AttachmentViewer';
export { formatBytes, type Attachment } from './api';
