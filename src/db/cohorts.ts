/**
 * Cohorts (a consultant's clients, a district's pilot enterprises) live in their own IndexedDB database,
 * apart from the user's own assessments: other enterprises' files never mix into the user's list,
 * backup or trend, and deleting a cohort cannot touch them. Every `version()` stays declared.
 *
 * An import is written in one transaction when it has finished (never while it runs), so a cancelled or
 * failed import writes nothing.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CohortInvalid, CohortMember, Target } from '../domain/index';

export interface StoredCohort {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** "到 2027 年 300 家达到二级及以上", when the user set one. */
  target?: Target;
  /** Exports suppress groups smaller than this (never below 5). */
  threshold?: number;
  /** Files that could not be scored, with their one-line errors (the CLI's). */
  invalid: CohortInvalid[];
  /** Files whose content was already in the cohort: counted once, listed here. */
  duplicates: { source: string; hash: string }[];
  /** Files in chosen folders that were not *.json. */
  skipped: number;
}

export interface StoredMember {
  cohortId: string;
  hash: string;
  member: CohortMember;
}

export const COHORT_DB_NAME = 'digilevel-cohorts';

export class CohortDB extends Dexie {
  cohorts!: EntityTable<StoredCohort, 'id'>;
  members!: Table<StoredMember, [string, string]>;

  constructor(name = COHORT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 — first release: cohorts by id; members keyed by cohort and content hash (a file once per cohort).
    this.version(1).stores({ cohorts: 'id, createdAt', members: '[cohortId+hash], cohortId' });
  }
}

/** What one import brought: written all at once by `addImport`. */
export interface ImportOutcome {
  members: CohortMember[];
  invalid: CohortInvalid[];
  duplicates: { source: string; hash: string }[];
  skipped: number;
}

export class CohortStore {
  constructor(
    readonly db: CohortDB,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  list(): Promise<StoredCohort[]> {
    return this.db.cohorts.orderBy('createdAt').toArray();
  }

  get(id: string): Promise<StoredCohort | undefined> {
    return this.db.cohorts.get(id);
  }

  members(id: string): Promise<CohortMember[]> {
    return this.db.members
      .where('cohortId')
      .equals(id)
      .toArray()
      .then((rows) => rows.map((r) => r.member));
  }

  async create(name: string): Promise<StoredCohort> {
    const t = this.now();
    const cohort: StoredCohort = {
      id: this.newId(),
      name,
      createdAt: t,
      updatedAt: t,
      invalid: [],
      duplicates: [],
      skipped: 0,
    };
    await this.db.cohorts.add(cohort);
    return cohort;
  }

  async update(id: string, change: Partial<Pick<StoredCohort, 'name' | 'target' | 'threshold'>>): Promise<void> {
    await this.db.cohorts.update(id, { ...change, updatedAt: this.now() });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.cohorts, this.db.members, async () => {
      await this.db.members.where('cohortId').equals(id).delete();
      await this.db.cohorts.delete(id);
    });
  }

  /**
   * Adds one finished import in a single transaction. A member whose content is already in the cohort
   * is a duplicate (listed, not stored twice). Returns how many members were new, those members and the
   * cohort as written, so the screen shows the import without reading thousands of rows back.
   */
  async addImport(
    id: string,
    outcome: ImportOutcome,
  ): Promise<{ added: number; fresh: CohortMember[]; cohort: StoredCohort }> {
    return this.db.transaction('rw', this.db.cohorts, this.db.members, async () => {
      const cohort = await this.db.cohorts.get(id);
      if (!cohort) throw new Error(`cohort ${id} not found`);
      const existing = new Set((await this.db.members.where('cohortId').equals(id).primaryKeys()).map((k) => k[1]));
      const fresh: CohortMember[] = [];
      const duplicates = [...outcome.duplicates];
      for (const m of outcome.members) {
        if (existing.has(m.hash)) duplicates.push({ source: m.source, hash: m.hash });
        else {
          existing.add(m.hash);
          fresh.push(m);
        }
      }
      // in chunks, all inside this one transaction: no single request holds 10,000 cloned rows at once
      for (let i = 0; i < fresh.length; i += WRITE_CHUNK)
        await this.db.members.bulkAdd(
          fresh.slice(i, i + WRITE_CHUNK).map((member) => ({ cohortId: id, hash: member.hash, member })),
        );
      // the same broken file imported again is listed once
      const listed = new Set(cohort.invalid.map((i) => `${i.source}\u0000${i.hash}`));
      const invalid = outcome.invalid.filter((i) => !listed.has(`${i.source}\u0000${i.hash}`));
      const change = {
        invalid: [...cohort.invalid, ...invalid],
        duplicates: [...cohort.duplicates, ...duplicates],
        skipped: cohort.skipped + outcome.skipped,
        updatedAt: this.now(),
      };
      await this.db.cohorts.update(id, change);
      return { added: fresh.length, fresh, cohort: { ...cohort, ...change } };
    });
  }
}

/** Rows per bulkAdd of an import (see `addImport`). */
const WRITE_CHUNK = 1000;

let store: CohortStore | undefined;
/** The app's cohort store, opened on first use (the cohort screens load it; the first visit never does). */
export function cohortStore(): CohortStore {
  store ??= new CohortStore(new CohortDB());
  return store;
}
