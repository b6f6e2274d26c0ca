/**
 * The one IndexedDB database of the app, owned by Dexie. Every `version()` ever shipped stays declared
 * here, newest last, so a browser holding an old database upgrades in place instead of losing data.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AssessmentFile } from '../domain/index';

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
}

export const DB_NAME = 'digilevel';

export class DigiLevelDB extends Dexie {
  assessments!: EntityTable<StoredAssessment, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 — first release: assessments keyed by id, listed by updatedAt, grouped by enterprise.
    this.version(1).stores({ assessments: 'id, updatedAt, enterpriseId' });
  }
}
