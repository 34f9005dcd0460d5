/** GET /api/application-memos */
export interface Memo {
  id: string;
  applicationId: string;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export const INQUIRY_CHANNELS = ['phone', 'email', 'counter'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
export const INQUIRY_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InquiryDirection = (typeof INQUIRY_DIRECTIONS)[number];

/** GET /api/inquiries */
export interface Inquiry {
  id: string;
  applicationId: string;
  occurredAt: string;
  channel: InquiryChannel;
  direction: InquiryDirection;
  summary: string;
  staffId: string;
  staffName: string | null;
  createdAt: string;
}
