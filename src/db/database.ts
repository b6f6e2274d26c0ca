/**
 * The one IndexedDB database of the app, owned by Dexie. Every `version()` ever shipped stays declared
 * here, newest last, so a browser holding an old database upgrades in place instead of losing data.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AssessmentFile } from '../domain/index';
import { gatherUnknownKeys } from '../domain/assessment/unknown-keys';
import { DB_NAME } from './stored-data';

export interface StoredAssessment {
  id: string;
  /** The interchange document: what export writes and import reads. */
  file: AssessmentFile;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every save; lets a tab tell its own writes from another tab's. */
  revision: number;
  /** Groups assessments of one enterprise (re-assessments); local only. */
  enterpriseId: string;
  /** Hash path of the screen last shown, so reopening returns there. */
  lastPath?: string;
  /** Which tab wrote the last revision. */
  writer?: string;
  /** Token of the last write made as a page was left (db/leave-journal.ts): tells the journal it landed. */
  leaveToken?: string;
}

/**
 * The bytes of one attached file, stored once whatever number of claims and assessments name it
 * (content-addressed). Bytes, not a Blob: Blobs in IndexedDB fail on some Safari versions. Names and
 * captions live with the references in the assessment (digilevel.attachments).
 */
export interface StoredAttachment {
  /** SHA-256 of `data`, 64 lower-case hex digits. */
  hash: string;
  mime: string;
  /** data.byteLength, indexed so the space used is summed without reading the bytes. */
  size: number;
  data: Uint8Array;
  storedAt: number;
}

export { DB_NAME };

export class DigiLevelDB extends Dexie {
  assessments!: EntityTable<StoredAssessment, 'id'>;
  attachments!: EntityTable<StoredAttachment, 'hash'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 — first release: assessments keyed by id, listed by updatedAt, grouped by enterprise.
    this.version(1).stores({ assessments: 'id, updatedAt, enterpriseId' });
    // v2 — evidence attachments (issue 19): bytes keyed by their SHA-256; assessments unchanged.
    this.version(2).stores({ attachments: 'hash, size' });
    // v3 — a file's keys the spec does not name (issue 14, 4) move from the top level of the file and of its
    // profile into their `unknownKeys` fields, where the app now keeps them; export spreads them back.
    this.version(3)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<StoredAssessment, string>('assessments')
          .toCollection()
          .modify((record) => {
            record.file = gatherUnknownKeys(record.file) as AssessmentFile;
          }),
      );
  }
}
