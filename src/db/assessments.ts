/**
 * Assessment repository over Dexie. Edits arrive as patches and are applied to the latest stored
 * record inside one read-write transaction, so concurrent tabs merge instead of overwriting.
 */
import { liveQuery, type Observable } from 'dexie';
import {
  applyPatch,
  assessmentId,
  assessmentYear,
  newAssessmentFile,
  EXTENSION_KEY,
  MAX_PROFILE_YEAR,
  type AssessmentFile,
  type Patch,
  type Profile,
} from '../domain/index';
import type { DigiLevelDB, StoredAssessment } from './database';
import { toExport } from './export-file';

export function newId(): string {
  return crypto.randomUUID();
}

/** Where the store gets times and ids; tests pass their own to make records in the same millisecond. */
export interface StoreClock {
  now(): number;
  newId(): string;
}
const systemClock: StoreClock = { now: () => Date.now(), newId };

export class AssessmentStore {
  constructor(
    readonly db: DigiLevelDB,
    /** Identifies this tab's writes. */
    readonly writer: string = newId(),
    readonly clock: StoreClock = systemClock,
  ) {}

  list(): Observable<StoredAssessment[]> {
    return liveQuery(() => this.db.assessments.orderBy('updatedAt').reverse().toArray());
  }

  watch(id: string): Observable<StoredAssessment | undefined> {
    return liveQuery(() => this.db.assessments.get(id));
  }

  get(id: string): Promise<StoredAssessment | undefined> {
    return this.db.assessments.get(id);
  }

  async create(rubric: string, profile: Profile = {}, enterpriseId = this.clock.newId()): Promise<string> {
    return this.insert(newAssessmentFile(rubric, profile), enterpriseId);
  }

  /** Stores a validated file as a new assessment; never overwrites an existing one. */
  async insert(file: AssessmentFile, enterpriseId?: string): Promise<string> {
    const now = this.clock.now();
    const id = this.clock.newId();
    const ent = enterpriseId ?? file[EXTENSION_KEY]?.meta?.enterpriseId ?? this.clock.newId();
    const stamped = applyPatch(file, { op: 'meta', key: 'enterpriseId', value: ent });
    await this.db.assessments.add({
      id,
      file: stamped,
      createdAt: now,
      updatedAt: now,
      revision: 1,
      enterpriseId: ent,
      writer: this.writer,
    });
    return id;
  }

  /** Applies patches to the stored record atomically; returns the new revision. */
  async update(id: string, patches: readonly Patch[], lastPath?: string): Promise<StoredAssessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const current = await this.db.assessments.get(id);
      if (!current) throw new Error(`assessment ${id} not found`);
      const file = patches.reduce(applyPatch, current.file);
      const next: StoredAssessment = {
        ...current,
        file,
        updatedAt: this.clock.now(),
        revision: current.revision + 1,
        writer: this.writer,
        ...(lastPath ? { lastPath } : {}),
      };
      await this.db.assessments.put(next);
      return next;
    });
  }

  async setLastPath(id: string, lastPath: string): Promise<void> {
    await this.db.assessments.update(id, { lastPath });
  }

  async duplicate(id: string, label?: string): Promise<string> {
    const source = await this.get(id);
    if (!source) throw new Error(`assessment ${id} not found`);
    let file = applyPatch(source.file, { op: 'meta', key: 'label', value: label });
    file = applyPatch(file, { op: 'meta', key: 'createdAt', value: undefined });
    // a copy is another assessment: it gets its own id (its record id) instead of the source's
    file = applyPatch(file, { op: 'meta', key: 'id', value: undefined });
    return this.insert(file, source.enterpriseId);
  }

  /**
   * Starts next year's assessment from this one: a new assessment of the same enterprise with the
   * answers, scenarios, notes, evidence, numbers and roadmap status copied, the year after the source's
   * assessmentYear, and a link to the source that survives export and import (`meta.previousId` = the
   * source's assessmentId, which toExport writes as its `meta.id`; local record ids do not survive).
   * Effect-indicator values belong to their year and are not copied; neither are the source's label,
   * dates, id and link.
   */
  async reassess(id: string, label?: string): Promise<string> {
    const source = await this.get(id);
    if (!source) throw new Error(`assessment ${id} not found`);
    const { year } = assessmentYear(source);
    let file = structuredClone(source.file);
    const ext = file[EXTENSION_KEY];
    if (ext) delete ext.results;
    const patches: Patch[] = [
      { op: 'meta', key: 'label', value: label },
      { op: 'meta', key: 'createdAt', value: undefined },
      { op: 'meta', key: 'updatedAt', value: undefined },
      { op: 'meta', key: 'id', value: undefined },
      { op: 'meta', key: 'previousId', value: assessmentId(source) },
      { op: 'meta', key: 'previousCreatedAt', value: undefined },
      { op: 'profile', key: 'year', value: Math.min(year + 1, MAX_PROFILE_YEAR) },
    ];
    file = patches.reduce(applyPatch, file);
    return this.insert(file, source.enterpriseId);
  }

  async remove(id: string): Promise<void> {
    await this.db.assessments.delete(id);
  }

  /** The file as exported: the stored document stamped with its dates. */
  async exportFile(id: string): Promise<AssessmentFile> {
    const a = await this.get(id);
    if (!a) throw new Error(`assessment ${id} not found`);
    return toExport(a);
  }
}
