/**
 * Writes a zip as a stream (fflate): each file is added and dropped in turn, and the output is handed to
 * Blobs as it comes (the browser keeps Blob bytes out of the JS heap) — so 200 MB of attachments are never
 * held twice. A large chunk (a stored attachment's bytes, passed through as they are) becomes a Blob at once,
 * so the page holds no file longer than its own addition; only small chunks (headers, deflated text) are
 * gathered first, up to FLUSH_BYTES, so the zip is not thousands of tiny Blobs. Attachments (photos, PDFs:
 * already compressed) are stored, text is deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { dropBytes } from './drop-bytes';

const FLUSH_BYTES = 1024 * 1024;
/** A chunk this large is a Blob of its own at once rather than waiting among the small ones. */
const OWN_BLOB_BYTES = 64 * 1024;

export class ZipSink {
  private readonly zip: Zip;
  private readonly blobs: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private error: Error | null = null;
  private resolve!: (b: Blob) => void;
  private reject!: (e: Error) => void;
  readonly done: Promise<Blob>;

  constructor(private readonly mtime = new Date()) {
    this.done = new Promise((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error = err;
        this.reject(err);
        return;
      }
      if (chunk.length >= OWN_BLOB_BYTES) {
        this.flush();
        this.blobs.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
      } else {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        if (this.pendingBytes >= FLUSH_BYTES) this.flush();
      }
      if (final) this.flush();
      if (final) this.resolve(new Blob(this.blobs, { type: 'application/zip' }));
    });
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.blobs.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /**
   * Stored as is (no compression): for attachments. With `drop`, the bytes are the caller's own fresh copy:
   * once in a Blob they are freed at once (drop-bytes.ts) instead of lingering until a GC. fflate hands a
   * stored file's bytes through synchronously (each file is finished before the next is added), so after the
   * flush no chunk still refers to them.
   */
  addStored(name: string, bytes: Uint8Array, drop = false): void {
    const f = new ZipPassThrough(name);
    f.mtime = this.mtime;
    this.zip.add(f);
    f.push(bytes, true);
    if (this.error) throw this.error;
    if (drop) {
      this.flush();
      dropBytes(bytes);
    }
  }

  addDeflated(name: string, data: Uint8Array | string): void {
    const f = new ZipDeflate(name, { level: 6 });
    f.mtime = this.mtime;
    this.zip.add(f);
    f.push(typeof data === 'string' ? strToU8(data) : data, true);
    if (this.error) throw this.error;
  }

  finish(): Promise<Blob> {
    this.zip.end();
    return this.done;
  }
}
