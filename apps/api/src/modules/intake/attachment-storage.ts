import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface StoredObject {
  key: string;
  sizeBytes: number;
  sha256: string;
  /** the first bytes, to check the file's real type */
  head: Buffer;
}

/**
 * Where attachment bytes live. The local directory is the default; an S3-compatible store can
 * implement the same three methods later.
 */
export interface AttachmentStorage {
  /** Streams the content in, hashing as it goes; refuses (and keeps nothing) past `maxBytes`. */
  write(content: Readable, maxBytes: number): Promise<StoredObject>;
  read(key: string): Readable;
  /**
   * The content, once it is there to read: rejects with NotStoredError when nothing is stored under
   * the key, so a caller can answer before it sends any byte (staff downloads).
   */
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export class TooLargeError extends Error {}
export class NotStoredError extends Error {}

export class LocalDiskStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  async write(content: Readable, maxBytes: number): Promise<StoredObject> {
    const key = `${new Date().toISOString().slice(0, 10)}/${randomUUID()}`;
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLargeError(`larger than ${maxBytes} bytes`));
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(path, { flags: 'wx' }));
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    return { key, sizeBytes: size, sha256: hash.digest('hex'), head };
  }

  read(key: string): Readable {
    return createReadStream(this.path(key));
  }

  async open(key: string): Promise<Readable> {
    const stream = createReadStream(this.path(key));
    try {
      await once(stream, 'open');
    } catch (e) {
      stream.destroy();
      throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? new NotStoredError(`nothing stored under ${key}`) : e;
    }
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string) {
    if (!/^[\w-]+\/[\w-]+$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(this.root, key);
  }
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');
