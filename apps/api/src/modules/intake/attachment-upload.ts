import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { AttachmentStorage, StoredObject, TooLargeError } from './attachment-storage';
import { IntakeError } from './intake.errors';

/** Accepted types, recognised by their first bytes, not by what the client claims. */
const SIGNATURES: { contentType: string; magic: Buffer }[] = [
  { contentType: 'application/pdf', magic: Buffer.from('%PDF-') },
  { contentType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { contentType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

/** The content types an attachment may have. */
export const ATTACHMENT_CONTENT_TYPES = SIGNATURES.map((s) => s.contentType);

export const detectContentType = (head: Buffer) => SIGNATURES.find((s) => head.subarray(0, s.magic.length).equals(s.magic))?.contentType ?? null;

export type UploadedAttachment = Express.Multer.File & StoredObject & { detectedType: string };

/**
 * A multer storage engine that streams the upload into AttachmentStorage, hashing on the way, and
 * keeps nothing when the file is too large or not a PDF/JPEG/PNG (by content and declared type).
 */
export class AttachmentStorageEngine implements StorageEngine {
  constructor(
    private readonly storage: AttachmentStorage,
    private readonly maxBytes: number,
  ) {}

  _handleFile(_req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<UploadedAttachment>) => void): void {
    this.storage
      .write(file.stream, this.maxBytes)
      .then(async (stored) => {
        const detected = detectContentType(stored.head);
        if (!detected || detected !== file.mimetype) {
          await this.storage.remove(stored.key);
          // a PDF, JPEG or PNG sent as another of them (a PNG named .pdf): say that the two disagree, not that it is
          // unsupported; an empty file (a failed export, a file still being written) has no type at all: say it is empty
          const mismatch = detected
            ? `添付書類の内容 (${detected}) と送信時に指定された形式 (${file.mimetype}) が一致しません。ファイル名の拡張子と形式を確かめて送り直してください。`
            : stored.sizeBytes === 0
              ? '添付書類のファイルが空です (0バイト)。ファイルの内容を確かめて送り直してください。'
              : undefined;
          return cb(new IntakeError('ATTACHMENT_TYPE', { field: 'file', declared: file.mimetype, detected }, mismatch));
        }
        cb(null, { ...stored, size: stored.sizeBytes, detectedType: detected });
      })
      .catch((e) => {
        file.stream.resume();
        cb(
          e instanceof TooLargeError
            ? new IntakeError(
                'ATTACHMENT_TOO_LARGE',
                { field: 'file', maxBytes: this.maxBytes },
                `添付書類は ${Math.floor(this.maxBytes / 1024 / 1024)}MB までです。`,
              )
            : e,
        );
      });
  }

  _removeFile(_req: Request, file: Express.Multer.File & Partial<StoredObject>, cb: (error: Error | null) => void): void {
    if (!file.key) return cb(null);
    this.storage.remove(file.key).then(() => cb(null), cb);
  }
}
