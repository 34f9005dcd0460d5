import { PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { PassThrough } from 'node:stream';
import { AttachmentStorage, StoredObject, TooLargeError } from '../intake/attachment-storage';

export type UploadedImportFile = Express.Multer.File & StoredObject;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)}MB` : `${Math.floor(bytes / 1024)}KB`);

export const importTooLarge = (maxBytes: number) => {
  const message = `取込ファイルは ${size(maxBytes)} までです。ファイルを分けて取り込んでください。`;
  return new PayloadTooLargeException({ code: 'IMPORT_TOO_LARGE', message, errors: [{ field: 'file', message }] });
};

/**
 * A multer storage engine for import files: streams the upload into the attachment storage (hashing
 * on the way, refusing past IMPORT_MAX_BYTES and keeping nothing then), so the API process never holds
 * the file in memory; the worker reads it from the storage.
 */
export class ImportStorageEngine implements StorageEngine {
  constructor(
    private readonly storage: AttachmentStorage,
    private readonly maxBytes: number,
  ) {}

  _handleFile(_req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<UploadedImportFile>) => void): void {
    // through a pass-through: a refusal must not destroy multer's stream (multer would answer with the bare error)
    const upload = file.stream.pipe(new PassThrough());
    this.storage.write(upload, this.maxBytes).then(
      (stored) => cb(null, { ...stored, size: stored.sizeBytes }),
      (e) => {
        file.stream.unpipe(upload);
        file.stream.resume();
        cb(e instanceof TooLargeError ? importTooLarge(this.maxBytes) : e);
      },
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File & Partial<StoredObject>, cb: (error: Error | null) => void): void {
    if (!file.key) return cb(null);
    this.storage.remove(file.key).then(() => cb(null), cb);
  }
}
