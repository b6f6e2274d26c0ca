/**
 * Reads a zip that came from outside (a backup, an exported assessment) without trusting it: the central
 * directory is parsed here and every entry is checked before a byte is inflated — names (traversal,
 * absolute paths, control characters, duplicates), declared sizes (per entry, in total, and the
 * compression ratio) — then each entry is inflated with a counter that stops at the declared size, and its
 * CRC-32 compared. Any problem throws ZipError with a code the UI translates; the caller writes nothing.
 */
import { Inflate } from 'fflate';

export type ZipErrorCode =
  | 'not-zip'
  | 'unsupported'
  | 'traversal'
  | 'absolute-path'
  | 'control-character'
  | 'duplicate'
  | 'too-many'
  | 'too-large'
  | 'total-too-large'
  | 'ratio'
  | 'size-mismatch'
  | 'corrupt'
  | 'hash-mismatch'
  | 'missing-file'
  | 'manifest';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    /** The entry concerned, when there is one. */
    readonly entry = '',
  ) {
    super(entry ? `${code}: ${entry}` : code);
    this.name = 'ZipError';
  }
}

export interface ZipLimits {
  entries: number;
  /** Uncompressed bytes of one entry. */
  entryBytes: number;
  /** Uncompressed bytes of all entries. */
  totalBytes: number;
  /** Largest uncompressed / compressed ratio for entries above 1 MB (a zip bomb is thousands). */
  ratio: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  entries: 10_000,
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
  ratio: 200,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  offset: number;
}

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why a name may not be unpacked, or undefined when it is safe. */
export function nameProblem(name: string): ZipErrorCode | undefined {
  if (!name || CONTROL.test(name)) return 'control-character';
  if (/^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return 'absolute-path';
  if (name.split(/[/\\]/).some((part) => part === '..' || part === '.')) return 'traversal';
  return undefined;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The central directory's entries, every check on names and declared sizes passed. */
export function listEntries(zip: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipError('not-zip');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new ZipError('unsupported'); // zip64
  if (count > limits.entries) throw new ZipError('too-many');
  if (p + cdSize > eocd) throw new ZipError('corrupt');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw new ZipError('corrupt');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    let name: string;
    try {
      name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw new ZipError('control-character', `#${i}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
    const problem = nameProblem(name);
    if (problem) throw new ZipError(problem, name);
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new ZipError('duplicate', name);
    seen.add(key);
    if (flags & 1) throw new ZipError('unsupported', name); // encrypted
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', name);
    if (name.endsWith('/')) continue; // a folder: nothing to read
    if (size > limits.entryBytes) throw new ZipError('too-large', name);
    total += size;
    if (total > limits.totalBytes) throw new ZipError('total-too-large', name);
    if (method === 0 && compressedSize !== size) throw new ZipError('size-mismatch', name);
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > limits.ratio) throw new ZipError('ratio', name);
    entries.push({ name, method, compressedSize, size, crc, offset });
  }
  return entries;
}

/** The bytes of one listed entry: never more than its declared size, its CRC checked. */
export function readEntry(zip: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (e.offset + 30 > zip.length || view.getUint32(e.offset, true) !== 0x04034b50)
    throw new ZipError('corrupt', e.name);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.compressedSize > zip.length) throw new ZipError('corrupt', e.name);
  const raw = zip.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = raw.slice();
  else {
    out = new Uint8Array(e.size);
    let at = 0;
    let ended = false;
    const inflate = new Inflate((chunk, final) => {
      // the declared size is a promise the data must keep: one byte more and it is refused
      if (at + chunk.length > e.size) throw new ZipError('size-mismatch', e.name);
      out.set(chunk, at);
      at += chunk.length;
      ended ||= final;
    });
    try {
      // in slices, so a bomb is stopped after at most one slice beyond the declared size
      for (let i = 0; i < raw.length; i += 65536) inflate.push(raw.subarray(i, i + 65536), i + 65536 >= raw.length);
      if (!raw.length) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError('corrupt', e.name);
    }
    if (at !== e.size || !ended) throw new ZipError('size-mismatch', e.name);
  }
  if (crc32(out) !== e.crc) throw new ZipError('corrupt', e.name);
  return out;
}

/** Every entry by name, all checked; throws ZipError on the first problem. */
export function readZip(zip: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const e of listEntries(zip, limits)) files.set(e.name, readEntry(zip, e));
  return files;
}
