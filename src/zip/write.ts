/**
 * Writes a zip as a stream (fflate): each file is added and dropped in turn, and the output is gathered
 * into Blobs every few megabytes, which the browser may keep out of the JS heap — so 200 MB of attachments
 * are never held twice. Attachments (photos, PDFs: already compressed) are stored, text is deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

const FLUSH_BYTES = 8 * 1024 * 1024;

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
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes >= FLUSH_BYTES || final) {
        this.blobs.push(new Blob(this.pending as BlobPart[]));
        this.pending = [];
        this.pendingBytes = 0;
      }
      if (final) this.resolve(new Blob(this.blobs, { type: 'application/zip' }));
    });
  }

  /** Stored as is (no compression): for attachments. */
  addStored(name: string, bytes: Uint8Array): void {
    const f = new ZipPassThrough(name);
    f.mtime = this.mtime;
    this.zip.add(f);
    f.push(bytes, true);
    if (this.error) throw this.error;
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
