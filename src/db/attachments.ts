/**
 * Attached files: bytes in the `attachments` table keyed by their SHA-256 (the same file attached twice is
 * stored once), references in the assessment (digilevel.attachments). Attaching writes the bytes and the
 * reference in one transaction, so a failure (disk full, record deleted) leaves neither behind.
 */
import {
  applyPatch,
  attachmentHashes,
  EXTENSION_KEY,
  MAX_ATTACHMENT_BYTES,
  MIME,
  type AttachmentRef,
} from '../domain/index';
import Dexie from 'dexie';
import { heldHashes } from './attachment-holds';
import type { DigiLevelDB, StoredAssessment, StoredAttachment } from './database';
import { checkRecord, DamagedRecordError } from './records';
import { RecordMissingError, writeFailure } from './write-error';

export type AttachmentErrorCode = 'empty' | 'too-large' | 'quota';

/** A file refused before anything is written: the UI translates `code`. */
export class AttachmentError extends Error {
  constructor(
    readonly code: AttachmentErrorCode,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${code}`);
    this.name = 'AttachmentError';
  }
}

/** SHA-256 of the bytes as 64 lower-case hex digits (Web Crypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface AttachmentDeps {
  now(): number;
  hash(bytes: Uint8Array): Promise<string>;
  /** navigator.storage.estimate; undefined where the browser has none (then the write itself may fail). */
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  /** Hashes whose bytes must stay though nothing names them (attachment-holds.ts); prune() keeps them. */
  held?(): Promise<Set<string>>;
}

export const systemDeps: AttachmentDeps = {
  now: () => Date.now(),
  hash: sha256Hex,
  estimate:
    typeof navigator !== 'undefined' && navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
  held: heldHashes,
};

/** Room kept free beyond the file itself (the record, Dexie's bookkeeping). */
const HEADROOM = 1024 * 1024;

export interface NewFile {
  name: string;
  /** As the browser reports it; parameters dropped, unknown → application/octet-stream. */
  type: string;
  bytes: Uint8Array;
}

export function cleanMime(type: string): string {
  const base = type.split(';')[0]!.trim().toLowerCase();
  return MIME.test(base) ? base : 'application/octet-stream';
}

export class AttachmentStore {
  constructor(
    readonly db: DigiLevelDB,
    /** The writer of the tab's AssessmentStore: its session takes these saves as its own. */
    readonly writer: string,
    readonly deps: AttachmentDeps = systemDeps,
  ) {}

  /** Refuses an empty or too large file, or one the disk has no room for, before anything is written. */
  async check(file: NewFile): Promise<void> {
    if (file.bytes.byteLength === 0) throw new AttachmentError('empty', file.name);
    if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AttachmentError('too-large', file.name);
    const est = await this.deps.estimate?.().catch(() => undefined);
    if (est?.quota !== undefined && est.quota - (est.usage ?? 0) < file.bytes.byteLength + HEADROOM)
      throw new AttachmentError('quota', file.name);
  }

  /** Stores the bytes (once per hash) and adds the reference to the claim, in one transaction. */
  async attach(assessmentId: string, claim: string, file: NewFile, caption = ''): Promise<AttachmentRef> {
    await this.check(file);
    const hash = await this.deps.hash(file.bytes);
    const now = this.deps.now();
    const ref: AttachmentRef = {
      hash,
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      name: file.name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 255) || 'file',
      ...(caption.trim() ? { caption: caption.trim().slice(0, 1000) } : {}),
      addedAt: new Date(now).toISOString(),
      mime: cleanMime(file.type),
      bytes: file.bytes.byteLength,
    };
    try {
      await this.db.transaction('rw', this.db.assessments, this.db.attachments, async () => {
        if (!(await this.db.attachments.get(hash)))
          await this.db.attachments.add({ hash, mime: ref.mime, size: ref.bytes, data: file.bytes, storedAt: now });
        await this.patchRecord(assessmentId, (f) => applyPatch(f, { op: 'attach', claim, ref }));
      });
    } catch (e) {
      if (writeFailure(e) === 'quota') throw new AttachmentError('quota', file.name);
      throw e;
    }
    return ref;
  }

  /** Puts a reference back (undo of a removal, a caption edit); its bytes must still be stored. */
  async restore(assessmentId: string, claim: string, ref: AttachmentRef): Promise<void> {
    await this.db.transaction('rw', this.db.assessments, this.db.attachments, async () => {
      if (!(await this.db.attachments.get(ref.hash))) throw new RecordMissingError(ref.hash);
      await this.patchRecord(assessmentId, (f) => applyPatch(f, { op: 'attach', claim, ref }));
    });
  }

  /** Removes the reference; the bytes stay until prune() (so the removal can be undone). */
  async detach(assessmentId: string, claim: string, hash: string): Promise<void> {
    await this.db.transaction('rw', this.db.assessments, async () => {
      await this.patchRecord(assessmentId, (f) => applyPatch(f, { op: 'detach', claim, hash }));
    });
  }

  private async patchRecord(id: string, change: (f: StoredAssessment['file']) => StoredAssessment['file']) {
    const stored = await this.db.assessments.get(id);
    if (!stored) throw new RecordMissingError(id);
    const checked = checkRecord(stored);
    if (checked.status === 'damaged') throw new DamagedRecordError(checked.damaged);
    const current = checked.status === 'ok' ? checked.record : stored;
    await this.db.assessments.put({
      ...current,
      file: change(current.file),
      updatedAt: this.deps.now(),
      revision: current.revision + 1,
      writer: this.writer,
    });
  }

  get(hash: string): Promise<StoredAttachment | undefined> {
    return this.db.attachments.get(hash);
  }

  /** Which of these hashes have their bytes here (an imported JSON file may name bytes never received). */
  async present(hashes: readonly string[]): Promise<Set<string>> {
    const found = await this.db.attachments
      .where('hash')
      .anyOf([...hashes])
      .primaryKeys();
    return new Set(found);
  }

  /** Bytes used by stored attachments, summed from the size index (no bytes read). */
  async usage(): Promise<{ files: number; bytes: number }> {
    const sizes = (await this.db.attachments.orderBy('size').keys()) as number[];
    return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  }

  /**
   * Deletes bytes no stored assessment names any more and nobody holds (a removal that can still be undone,
   * an import in progress: attachment-holds.ts); returns how many. Names and holds are read inside the one
   * read-write transaction, so a removal cannot commit between the reading and the deleting: it either
   * committed before (its hold, taken before it, is seen) or waits until after (its bytes were named).
   */
  async prune(): Promise<number> {
    return this.db.transaction('rw', this.db.assessments, this.db.attachments, async () => {
      const named = new Set<string>();
      await this.db.assessments.each((a) => {
        const refs = (a.file as Partial<StoredAssessment['file']> | undefined)?.[EXTENSION_KEY]?.attachments;
        try {
          for (const h of attachmentHashes(refs)) named.add(h);
        } catch {
          // a damaged record: its references cannot be read, so nothing is deleted on its account below
          named.add('*');
        }
      });
      if (named.has('*')) return 0;
      const unnamed = (await this.db.attachments.toCollection().primaryKeys()).filter((h) => !named.has(h));
      if (!unnamed.length) return 0;
      // holds that cannot be read (the lock manager failing) protect everything
      const held = this.deps.held ? await Dexie.waitFor(this.deps.held()).catch(() => null) : new Set<string>();
      if (!held) return 0;
      const orphans = unnamed.filter((h) => !held.has(h));
      await this.db.attachments.bulkDelete(orphans);
      return orphans.length;
    });
  }
}
