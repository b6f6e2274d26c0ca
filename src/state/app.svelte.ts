/** App-wide state: the storage in use and the list of assessments on this device. */
import type { Subscription } from 'dexie';
import type { OpenedStorage, StorageMode } from '../db/open';
import type { AssessmentStore } from '../db/assessments';
import { DEFAULT_RUBRIC, getAnyRubric, loadRubric } from '../domain/index';
import type { StoredAssessment } from '../db/database';

class AppState {
  store = $state<AssessmentStore | null>(null);
  mode = $state<StorageMode | null>(null);
  storageError = $state<string | null>(null);
  persisted = $state<boolean | undefined>(undefined);
  assessments = $state.raw<StoredAssessment[]>([]);
  loaded = $state(false);
  /** Bumped when a rubric loaded on demand arrives, so lists summarising assessments recompute. */
  rubricsLoaded = $state(0);
  private sub: Subscription | undefined;
  private opened!: (store: AssessmentStore) => void;
  private failed!: (error: unknown) => void;
  /**
   * Resolves with the store once storage is open. Storage code loads after the first paint, so an
   * action taken in that moment (a quick click, a file dropped on the import button) waits for it
   * instead of being dropped. Rejects when storage cannot be opened at all (`openError` says why).
   */
  readonly ready: Promise<AssessmentStore> = new Promise((resolve, reject) => {
    this.opened = resolve;
    this.failed = reject;
  });
  /** Why storage could not be opened, not even in memory (e.g. its code failed to load); shown instead of home. */
  openError = $state<string | null>(null);

  /** Set when the default rubric fails to load or to validate; shown instead of the app, with a retry. */
  rubricError = $state<string | null>(null);

  /** Loads the national rubric; after a failure `rubricError` says why and calling this again retries. */
  loadDefaultRubric() {
    this.rubricError = null;
    void loadRubric(DEFAULT_RUBRIC)
      .then(() => this.rubricsLoaded++)
      .catch((e) => (this.rubricError = e instanceof Error ? e.message : String(e)));
  }

  async start() {
    // The national rubric is its own chunk: the first screen renders without it.
    this.loadDefaultRubric();
    // Dexie is a third of the first visit's bytes: it loads after the first paint (see `ready`).
    let opened: OpenedStorage;
    let requestPersistence: () => Promise<boolean | undefined>;
    try {
      const [db, { AssessmentStore }] = await Promise.all([import('../db/open'), import('../db/assessments')]);
      requestPersistence = db.requestPersistence;
      opened = await db.openStorage();
      this.store = new AssessmentStore(opened.db);
    } catch (e) {
      this.openError = e instanceof Error ? e.message : String(e);
      this.ready.catch(() => undefined); // the error is shown; actions waiting on `ready` just stop
      this.failed(e);
      return;
    }
    this.mode = opened.mode;
    this.storageError = opened.error ?? null;
    this.opened(this.store);
    this.sub = this.store.list().subscribe({
      next: (rows) => {
        this.assessments = rows;
        this.loaded = true;
        for (const id of new Set(rows.map((r) => r.file.rubric)))
          if (!getAnyRubric(id)) void loadRubric(id).then(() => this.rubricsLoaded++);
      },
    });
    if (opened.mode === 'persistent') this.persisted = await requestPersistence();
  }

  stop() {
    this.sub?.unsubscribe();
  }
}

export const app = new AppState();
