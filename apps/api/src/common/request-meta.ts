import type { Request } from 'express';

/** Where a change came from, for its audit record. */
export interface RequestMeta {
  requestId?: string;
  ip?: string;
}

export const requestMeta = (req: Request): RequestMeta => ({ requestId: String(req.id ?? ''), ip: req.ip });
