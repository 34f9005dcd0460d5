import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The bodies the API reads: JSON (the admin, the portal), a form, and files (multipart: attachments, imports). */
const READ_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * A request with a body of a type the API does not read is 415, not handled as if it had sent nothing: a JSON
 * score sheet sent as `text/plain` was answered 200 and saved nothing (the JSON parser leaves such a body alone).
 */
export function refuseUnreadBody(req: Request, _res: Response, next: NextFunction) {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (READ_TYPES.includes(type) || type.endsWith('+json')) return next();
  next(
    new UnsupportedMediaTypeException({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `送信されたデータの形式 (Content-Type: ${type.slice(0, 100) || 'なし'}) には対応していません。JSON は Content-Type: application/json で、ファイルは multipart/form-data で送ってください。`,
    }),
  );
}
