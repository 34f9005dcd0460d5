/** 受付窓口 as GET /api/intake-channels returns it (the key itself is never stored, only its prefix). */
export interface IntakeChannelRecord {
  id: string;
  name: string;
  keyPrefix: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** only in the answer to POST /api/intake-channels, once */
  apiKey?: string;
}
