/**
 * Assessment repository over Dexie. Edits arrive as patches and are applied to the latest stored
 * record inside one read-write transaction, so concurrent tabs merge instead of overwriting.
 */
import { liveQuery, type Observable, type Transaction } from 'dexie';
import {
  applyPatch,
  assessmentId,
  assessmentYear,
  getRubric,
  newAssessmentFile,
  EXTENSION_KEY,
  MAX_PROFILE_YEAR,
  type AssessmentFile,
  type InterchangeFile,
  type Patch,
  type Profile,
  type RubricLookup,
} from '../domain/index';
import { shiftFigures } from '../domain/assessment/reassess';
import type { DigiLevelDB, StoredAssessment } from './database';
import { toExport } from './export-file';
import {
  asChecked,
  checkLoaded,
  checkRecord,
  DamagedRecordError,
  knownRubricOf,
  newestFirst,
  type RecordCheck,
} from './records';
import { RecordMissingError } from './write-error';
import { LeaveJournal, type LeftEdits } from './leave-journal';

/** A record written by someone else (another tab) since the write was prepared: nothing was written. */
class RecordChangedError extends Error {
  constructor(id: string) {
    super(`assessment ${id} was written since`);
    this.name = 'RecordChangedError';
  }
}

/**
 * Thrown by reassess when the enterprise already has an assessment of the year it would create: one
 * assessment per enterprise and year. `existingId`: that assessment's record id (the UI offers to open it).
 */
export class YearTakenError extends Error {
  constructor(
    readonly existingId: string,
    readonly year: number,
  ) {
    super(`the enterprise already has an assessment of ${year}`);
    this.name = 'YearTakenError';
  }
}

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
  /** update() transactions not yet finished, with their record ids: writeNow supersedes them. */
  private readonly updating = new Map<Transaction, string>();

  constructor(
    readonly db: DigiLevelDB,
    /** Identifies this tab's writes. */
    readonly writer: string = newId(),
    readonly clock: StoreClock = systemClock,
    /** The second copy of the edits written as a page is left (leave-journal.ts). */
    private readonly journal: LeaveJournal = new LeaveJournal(),
  ) {}

  private restored?: Promise<void>;

  /**
   * Stores again the edits of pages that were left before their last write landed (leave-journal.ts);
   * runs once per store, and the screens read records after it. Never rejects: an entry whose edits do
   * not fit the record (deleted, damaged, written by another tab since, or edits that make it invalid) is
   * dropped, one whose write fails is kept for the next start.
   */
  restoreLeftEdits(): Promise<void> {
    return (this.restored ??= this.restoreEach());
  }

  private async restoreEach(): Promise<void> {
    for (const { id, entry } of this.journal.entries()) {
      const revision = await this.leftEditsApply(id, entry);
      if (revision !== undefined) {
        try {
          await this.update(id, entry.patches, undefined, { token: entry.token, revision });
        } catch (e) {
          // written since the check (another tab): newer than the left edits, which are dropped; any other
          // failure keeps them for the next start
          if (!(e instanceof RecordChangedError)) continue;
        }
      }
      this.journal.forget(id, entry.token);
    }
  }

  /**
   * The revision the journal's patches are to be stored onto, if they still are: the record exists, lacks them,
   * has not been written since the page was left (another tab's later edits are newer and win), and stays valid.
   * The check loads rubrics, so it cannot run inside the write's transaction: the write stores the patches only
   * onto this same revision.
   */
  private async leftEditsApply(id: string, entry: LeftEdits): Promise<number | undefined> {
    try {
      const raw = await this.db.assessments.get(id);
      const checked = raw === undefined ? undefined : await checkLoaded(raw);
      if (checked?.status !== 'ok' || checked.record.leaveToken === entry.token) return undefined;
      if (checked.record.updatedAt > entry.at) return undefined;
      const file = entry.patches.reduce(applyPatch, checked.record.file);
      return (await checkLoaded({ ...checked.record, file })).status === 'ok' ? checked.record.revision : undefined;
    } catch {
      return undefined; // patches that do not apply to this record
    }
  }

  /**
   * Every stored record as stored, newest first: unchecked (check each with checkRecord). Not through the
   * updatedAt index, which leaves out a record whose updatedAt is missing or not a number.
   */
  list(): Observable<unknown[]> {
    return liveQuery(async () => newestFirst(await this.db.assessments.toArray()));
  }

  /**
   * The record, checked when its rubric is loaded (asChecked); otherwise as stored, and then it may be
   * damaged: readers check it (checkRecord) before showing it.
   */
  watch(id: string): Observable<StoredAssessment | undefined> {
    return liveQuery(async () => asChecked(await this.db.assessments.get(id)));
  }

  /** As watch(): checked when its rubric is loaded, else as stored (and then possibly damaged). */
  async get(id: string): Promise<StoredAssessment | undefined> {
    return asChecked(await this.db.assessments.get(id));
  }

  /**
   * checkRecord, for screens holding a record from get() or watch(): the validation code comes with the
   * store (after the first paint) instead of with the screens. `rubrics`: the app's reactive rubric cache,
   * so a check made in a derived value runs again when the record's rubric arrives.
   */
  check(raw: unknown, rubrics?: RubricLookup): RecordCheck {
    return checkRecord(raw, rubrics);
  }

  /** The rubric a stored record names, when it is one the app can load (knownRubricOf). */
  rubricOf(raw: unknown): string | undefined {
    return knownRubricOf(raw);
  }

  /** The record checked (its rubric loaded first); throws DamagedRecordError when it is damaged. */
  async read(id: string): Promise<StoredAssessment | undefined> {
    const raw = await this.db.assessments.get(id);
    if (raw === undefined) return undefined;
    const checked = await checkLoaded(raw);
    if (checked.status === 'damaged') throw new DamagedRecordError(checked.damaged);
    return checked.record;
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
  async update(
    id: string,
    patches: readonly Patch[],
    lastPath?: string,
    /**
     * Set by restoreLeftEdits: the journal entry these patches come from (its token marks it as landed) and the
     * revision they were checked against; a record written since is not written (RecordChangedError).
     */
    left?: { token: string; revision: number },
  ): Promise<StoredAssessment> {
    let running: Transaction | undefined;
    return this.db
      .transaction('rw', this.db.assessments, async (tx) => {
        running = tx;
        this.updating.set(tx, id);
        const stored = await this.db.assessments.get(id);
        if (!stored) throw new RecordMissingError(id);
        // patches go onto the checked file (e.g. absent scenarios as {}); a damaged record is left as it is
        const checked = checkRecord(stored);
        if (checked.status === 'damaged') throw new DamagedRecordError(checked.damaged);
        const current = checked.status === 'ok' ? checked.record : stored;
        if (left && current.revision !== left.revision) throw new RecordChangedError(id);
        const file = patches.reduce(applyPatch, current.file);
        const next: StoredAssessment = {
          ...current,
          file,
          updatedAt: this.clock.now(),
          revision: current.revision + 1,
          writer: this.writer,
          ...(lastPath ? { lastPath } : {}),
          ...(left ? { leaveToken: left.token } : {}),
        };
        const put = this.db.assessments.put(next);
        // committed now, not after the put's callback: the write lands even if the page goes meanwhile
        tx.idbtrans.commit();
        await put;
        return next;
      })
      .finally(() => running && this.updating.delete(running));
  }

  /**
   * For a page being left (pagehide): `base` with the patches applied, in one put committed at once.
   * An unloading page runs no more callbacks, so unlike update() this cannot read the stored record
   * first: `base` is the record as the tab last saw it. The put is issued before this returns and the
   * commit asked for at once, so the write usually completes after the page has gone; Chromium still aborts
   * it when the page is torn down first (a busy machine), so the patches are also kept in the leave journal
   * and the next start stores them (restoreLeftEdits). `patches` must include those of any update() of this
   * record still in flight: that update is aborted.
   */
  writeNow(base: StoredAssessment, patches: readonly Patch[], lastPath?: string): Promise<StoredAssessment> {
    const leaveToken = this.clock.newId();
    const now = this.clock.now();
    this.journal.keep(base.id, { token: leaveToken, patches: [...patches], at: now });
    const next: StoredAssessment = {
      ...base,
      file: patches.reduce(applyPatch, base.file),
      updatedAt: now,
      revision: base.revision + 1,
      writer: this.writer,
      leaveToken,
      ...(lastPath ? { lastPath } : {}),
    };
    // the updates still in flight hold the store until this page's callbacks run, which they no longer
    // will: aborted, so this write (which carries their patches) is not queued behind them and lost too
    for (const [tx, id] of this.updating) {
      if (id !== base.id) continue;
      try {
        tx.abort();
      } catch {
        // already committing: it lands before this write
      }
    }
    // IndexedDB itself, not Dexie: Dexie issues the put a promise turn later, and the commit must be
    // asked for at once (else the transaction waits for the put's callback, which never runs).
    const tx = this.db.backendDB().transaction(this.db.assessments.name, 'readwrite');
    tx.objectStore(this.db.assessments.name).put(next);
    tx.commit();
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => {
        // the page stayed long enough to see it land: the second copy is not needed
        this.journal.forget(base.id, leaveToken);
        resolve(next);
      };
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('write aborted'));
    });
  }

  async setLastPath(id: string, lastPath: string): Promise<void> {
    await this.db.assessments.update(id, { lastPath });
  }

  async duplicate(id: string, label?: string): Promise<string> {
    const source = await this.read(id);
    if (!source) throw new RecordMissingError(id);
    let file = applyPatch(source.file, { op: 'meta', key: 'label', value: label });
    file = applyPatch(file, { op: 'meta', key: 'createdAt', value: undefined });
    // a copy is another assessment: it gets its own id (its record id) instead of the source's
    file = applyPatch(file, { op: 'meta', key: 'id', value: undefined });
    // of the same year: a variant the user chose to make, never counted in the trend instead of its source
    file = applyPatch(file, { op: 'meta', key: 'variantOf', value: assessmentId(source) });
    return this.insert(file, source.enterpriseId);
  }

  /** The record id of the enterprise's assessment of `year`, if it has one (damaged records aside). */
  async findYear(enterpriseId: string, year: number): Promise<string | undefined> {
    const same = await this.db.assessments.where('enterpriseId').equals(enterpriseId).toArray();
    return same.find((r) => {
      const checked = checkRecord(r);
      return checked.status === 'ok' && assessmentYear(checked.record).year === year;
    })?.id;
  }

  /**
   * Starts next year's assessment from this one: a new assessment of the same enterprise, the year after
   * the source's assessmentYear, with a link to the source that survives export and import
   * (`meta.previousId` = the source's assessmentId, which toExport writes as its `meta.id`; local record
   * ids do not survive). Answers, scenarios, notes, evidence, numbers and roadmap status are copied, but
   * the year figures move a year back (shiftFigures: last year's become the year before's, last year's
   * are blank, the answers derived from them cleared). Effect-indicator values belong to their year and
   * are not copied; neither are the source's label, dates, id, link and variant mark. Throws
   * YearTakenError when the enterprise already has an assessment of that year (one per year).
   */
  async reassess(id: string, label?: string): Promise<string> {
    const source = await this.read(id);
    if (!source) throw new RecordMissingError(id);
    const year = Math.min(assessmentYear(source).year + 1, MAX_PROFILE_YEAR);
    const rubric = getRubric(source.file.rubric);
    let file = rubric ? shiftFigures(source.file, rubric).file : structuredClone(source.file);
    const ext = file[EXTENSION_KEY];
    if (ext) delete ext.results;
    const patches: Patch[] = [
      { op: 'meta', key: 'label', value: label },
      { op: 'meta', key: 'createdAt', value: undefined },
      { op: 'meta', key: 'updatedAt', value: undefined },
      { op: 'meta', key: 'id', value: undefined },
      { op: 'meta', key: 'previousId', value: assessmentId(source) },
      { op: 'meta', key: 'previousCreatedAt', value: undefined },
      { op: 'meta', key: 'variantOf', value: undefined },
      { op: 'profile', key: 'year', value: year },
    ];
    file = patches.reduce(applyPatch, file);
    // the check and the write in one transaction: another tab cannot add the same year in between
    return this.db.transaction('rw', this.db.assessments, async () => {
      const existing = await this.findYear(source.enterpriseId, year);
      if (existing !== undefined) throw new YearTakenError(existing, year);
      return this.insert(file, source.enterpriseId);
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.assessments.delete(id);
  }

  /** The file as exported: the stored document stamped with its dates. */
  async exportFile(id: string): Promise<InterchangeFile> {
    const a = await this.read(id);
    if (!a) throw new RecordMissingError(id);
    return toExport(a);
  }
}
