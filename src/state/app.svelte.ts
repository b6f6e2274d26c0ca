/** App-wide state: the storage in use and the list of assessments on this device. */
import type { Subscription } from 'dexie';
import type { OpenedStorage, StorageMode } from '../db/open';
import type { AssessmentStore } from '../db/assessments';
import { DEFAULT_RUBRIC } from '../domain/index';
import type * as Records from '../db/records';
import { rubrics } from './rubrics.svelte';
import { storedDataMayExist } from '../db/stored-data';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

class AppState {
  store = $state<AssessmentStore | null>(null);
  mode = $state<StorageMode | null>(null);
  storageError = $state<string | null>(null);
  persisted = $state<boolean | undefined>(undefined);
  /** Every stored record as read (newest first), before it is checked. */
  private stored = $state.raw<unknown[]>([]);
  private listed = $state(false);
  /** Each stored record checked (records.ts); again when a rubric arrives (the reactive rubric cache). */
  private checks = $derived.by(() => {
    const records = this.records;
    return records ? this.stored.map((raw) => records.checkRecord(raw, rubrics.lookup)) : [];
  });
  /** The usable assessments, newest first, their files as validation returns them. */
  assessments = $derived(this.checks.flatMap((c) => (c.status === 'ok' ? [c.record] : [])));
  /** Stored records that fail the check: listed as damaged (export raw data, delete), never hidden. */
  damaged = $derived(this.checks.flatMap((c) => (c.status === 'damaged' ? [c.damaged] : [])));
  /** Rubrics that listed records need and that failed to load: id → why. `retryRubrics()` tries again. */
  rubricFailures = $state.raw<Record<string, string>>({});
  /** Records held back until their rubric has loaded (the check needs it): their rubric ids. */
  waiting = $derived(this.checks.flatMap((c) => (c.status === 'pending' ? [c.rubric] : [])));
  /** The list is complete: read, and every rubric it needs loaded or failed (then `rubricFailures` says so). */
  loaded = $derived(this.listed && this.waiting.every((id) => Object.hasOwn(this.rubricFailures, id)));
  private rubricsInFlight = new Set<string>();
  /** The record checks: validation code loads with storage, after the first paint (records.ts). */
  private records = $state.raw<typeof Records | null>(null);
  private sub: Subscription | undefined;
  /**
   * Nothing was stored on this device when the app started, and storage has not been opened since: there is no
   * data to keep, so home holds no place for the eviction warning (HomeIntro). Known before home mounts (main.ts).
   */
  nothingStored = $state(false);
  private storedCheck: Promise<void> | null = null;
  /** Opening storage, once: by start() when something may be stored, else by the first action that needs it. */
  private opening: Promise<AssessmentStore> | null = null;
  private stopWatching: (() => void) | undefined;
  /**
   * Resolves with the store once storage is open, opening it if nothing has yet. Storage code loads after the
   * first paint, and on a first visit only when an action needs it, so an action taken before (a quick click, a
   * file dropped on the import button) waits for it instead of being dropped. Rejects when storage cannot be
   * opened at all (`openError` says why).
   */
  get ready(): Promise<AssessmentStore> {
    return (this.opening ??= this.open());
  }
  /** Why storage could not be opened, not even in memory (e.g. its code failed to load); shown instead of home. */
  openError = $state<string | null>(null);

  /** Set when the default rubric fails to load or to validate; shown instead of the app, with a retry. */
  rubricError = $state<string | null>(null);

  /**
   * Loads the national rubric; after a failure `rubricError` says why (shown with a retry instead of the screen)
   * and calling this again retries. Resolves to whether it loaded.
   */
  loadDefaultRubric(): Promise<boolean> {
    this.rubricError = null;
    return rubrics.load(DEFAULT_RUBRIC).then(
      () => true,
      (e: unknown) => {
        this.rubricError = e instanceof Error ? e.message : String(e);
        return false;
      },
    );
  }

  /** Asks, once, whether anything may be stored (stored-data.ts); sets `nothingStored` when not. */
  checkStored(): Promise<void> {
    return (this.storedCheck ??= storedDataMayExist().then((exists) => {
      if (!exists && !this.opening) this.nothingStored = true;
    }));
  }

  async start() {
    await this.checkStored();
    if (!this.opening && this.nothingStored) {
      // A first visit: nothing is stored on this device, so the list is empty without opening storage. Dexie and
      // the record checks load when an action first needs them (`ready`), or when another tab has stored
      // something by the time this one is looked at again.
      // The national rubric is not needed either: home's start button has its size from the build. It loads with
      // the first screen or action that needs it (App.svelte, Home's create).
      this.listed = true;
      this.stopWatching = watchForStoredData(() => void this.ready.catch(() => undefined));
      return;
    }
    // The national rubric is its own chunk: the first screen renders without it.
    void this.loadDefaultRubric();
    await this.ready.catch(() => undefined); // the error is shown (openError); actions waiting on `ready` stop
  }

  private async open(): Promise<AssessmentStore> {
    this.stopWatching?.();
    this.nothingStored = false;
    let opened: OpenedStorage;
    let store: AssessmentStore;
    let requestPersistence: () => Promise<boolean | undefined>;
    try {
      const [db, { AssessmentStore }, records] = await Promise.all([
        import('../db/open'),
        import('../db/assessments'),
        import('../db/records'),
      ]);
      this.records = records;
      requestPersistence = db.requestPersistence;
      opened = await db.openStorage();
      store = new AssessmentStore(opened.db);
    } catch (e) {
      this.openError = e instanceof Error ? e.message : String(e);
      throw e;
    }
    this.store = store;
    this.mode = opened.mode;
    this.storageError = opened.error ?? null;
    // edits of a page left before its last write landed: stored again, so home lists them too
    void store.restoreLeftEdits();
    void pruneAtStart(opened.db, store.writer);
    this.sub = store.list().subscribe({
      next: (rows) => {
        this.stored = rows;
        this.listed = true;
        this.loadListedRubrics();
      },
    });
    if (opened.mode === 'persistent') void requestPersistence().then((p) => (this.persisted = p));
    return store;
  }

  /** Loads the rubrics of listed records that are not loaded yet; a failure is kept in `rubricFailures`. */
  private loadListedRubrics() {
    const records = this.records;
    if (!records) return;
    for (const id of new Set(this.stored.flatMap((raw) => records.knownRubricOf(raw) ?? []))) {
      if (rubrics.get(id) || this.rubricsInFlight.has(id) || Object.hasOwn(this.rubricFailures, id)) continue;
      this.rubricsInFlight.add(id);
      rubrics
        .load(id)
        .catch((e: unknown) => (this.rubricFailures = { ...this.rubricFailures, [id]: errorText(e) }))
        .finally(() => this.rubricsInFlight.delete(id));
    }
  }

  retryRubrics() {
    this.rubricFailures = {};
    this.loadListedRubrics();
  }

  stop() {
    this.sub?.unsubscribe();
    this.stopWatching?.();
  }
}

/**
 * Calls `found` once storage exists, checked each time the page is looked at again (another tab may have
 * created it meanwhile: this one then lists what it stored). Returns the function that stops watching.
 */
function watchForStoredData(found: () => void): () => void {
  const check = () => {
    if (document.visibilityState !== 'visible') return;
    void storedDataMayExist().then((exists) => exists && found());
  };
  addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  return () => {
    removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', check);
  };
}

/**
 * Bytes no assessment names any more (a removal whose undo offer ended with its tab, an assessment deleted in
 * another tab) go once storage is open; bytes another open tab can still restore are held (attachment-holds.ts).
 * The attachment code loads only where bytes are stored, so a first visit does not fetch it.
 */
async function pruneAtStart(db: OpenedStorage['db'], writer: string): Promise<void> {
  try {
    if (!(await db.attachments.count())) return;
    const { AttachmentStore } = await import('../db/attachments');
    await new AttachmentStore(db, writer).prune();
  } catch {
    // nothing deleted: the next start tries again
  }
}

export const app = new AppState();
