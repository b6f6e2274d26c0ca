/**
 * One open assessment: the local copy the screens edit, and its autosave. Edits become patches that
 * are shown at once and written within 300 ms; updates from another tab (Dexie liveQuery) are
 * merged by replaying this tab's unsaved patches on top of the stored record. When another tab's save
 * replaces a value this tab saved, the session lists it (`overwrites`) until the user keeps theirs or
 * takes the other. Leaving the page writes every unsaved edit at once (pagehide, hidden tab).
 */
import type { Subscription } from 'dexie';
import {
  applyPatch,
  evaluate,
  evaluateChecklist,
  fieldKey,
  findOverwrites,
  type AssessmentFile,
  checklistAnswersOf,
  type Overwrite,
  type Patch,
} from '../domain/index';
import { followInputs } from '../domain/derive/follow';
import type { OtherEnergyDraft } from '../domain/derive/other-energy';
import type { AssessmentStore } from '../db/assessments';
import { Loader } from './loader.svelte';
import { rubrics } from './rubrics.svelte';
import type { StoredAssessment } from '../db/database';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** Writes start this long after the first unsaved edit: well inside the 300 ms promise. */
export const SAVE_DELAY_MS = 120;

export class AssessmentSession {
  record = $state.raw<StoredAssessment | null>(null);
  missing = $state(false);
  saveState = $state<SaveState>('saved');
  saveError = $state<string | null>(null);
  /** The record's rubric, loaded on demand; the frame shows its error with a retry. */
  readonly rubricLoad = new Loader((id: string) => rubrics.load(id));
  /** The stored record checked (db/records.ts) once its rubric is here (the reactive rubric cache); null until then. */
  private checked = $derived.by(() => {
    if (!this.record) return null;
    const checked = this.store.check(this.record, rubrics.lookup);
    return checked.status === 'pending' ? null : checked;
  });
  /** Set when the stored record is damaged: the frame says so (export raw data, delete), never "loading". */
  damaged = $derived(this.checked?.status === 'damaged' ? this.checked.damaged : null);
  /** The stored file (as validated) with this tab's unsaved edits applied. */
  file = $derived.by(() => (this.checked?.status === 'ok' ? this.local(this.checked.record.file) : null));
  /** The assessment's rubric, of either model; screens choose by `anyRubric.model`. */
  anyRubric = $derived(this.file ? rubrics.get(this.file.rubric) : undefined);
  /** The rubric when it is a weighted (national-style) one, else undefined: screens of that model read it. */
  weightedRubric = $derived(this.anyRubric?.model === 'weighted-scenarios' ? this.anyRubric : undefined);
  // Only the evaluation, which every screen shows: the plans and the roadmap (domain journeyFor) come with
  // the screens that show them, so the planner is not in the first visit's bytes.
  evaluation = $derived(this.file && this.weightedRubric ? evaluate(this.weightedRubric, this.file) : null);
  /** Set for checklist rubrics (晨星工厂). */
  checklist = $derived(this.anyRubric?.model === 'required-checklist' ? this.anyRubric : undefined);
  checklistEvaluation = $derived(
    this.file && this.checklist ? evaluateChecklist(this.checklist, checklistAnswersOf(this.file)) : null,
  );

  private pending: Patch[] = $state.raw([]);
  private inflight: Patch[] = $state.raw([]);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Failed saves in a row: the retry waits 2, 4, 8 … up to 30 seconds. */
  private failures = 0;
  private sub: Subscription | undefined;
  private disposed = false;
  /** This tab's saved edits, the latest per field: what another tab's save can replace. */
  private written: Record<string, Patch> = {};
  /** Revision of this tab's latest save: an older record arriving late is no news from another tab. */
  private savedRevision = 0;
  /** Set by leave() while a save is in flight: that save is aborted, its edits written by leave(). */
  private superseded = false;
  /** This tab's values that another tab's save replaced, until kept ("keep mine") or dismissed. */
  overwrites = $state.raw<Overwrite[]>([]);
  /**
   * Figures as typed ("q2.equipment-total" → text), for this visit only and never in the file: an invalid
   * text stores no figure, yet returning to its question shows it again with its error.
   */
  figureTexts = $state.raw<Record<string, string>>({});
  /** The q12 helper's "other energy" rows as typed, a row with problems included (only valid rows are stored). */
  otherEnergyDrafts = $state.raw<OtherEnergyDraft[] | null>(null);
  private readonly onPageHide = () => this.leave();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  constructor(
    private readonly store: AssessmentStore,
    readonly id: string,
  ) {
    // Edits of a page left before its write landed are stored again first (db/leave-journal.ts): reading
    // before that would show, and then build on, the record without them.
    void store.restoreLeftEdits().then(() => {
      if (this.disposed) return;
      // A direct read as well: it answers `missing` without waiting for the live query's first run.
      void store.get(id).then((rec) => {
        if (!this.record && rec) this.record = rec;
        else if (!rec) this.missing = true;
        this.requestRubric(rec);
      });
      this.sub = store.watch(id).subscribe({
        next: (rec) => {
          if (rec) this.noticeOverwrites(rec);
          this.record = rec ?? null;
          this.missing = !rec;
          this.requestRubric(rec);
        },
        error: (e) => {
          this.saveState = 'error';
          this.saveError = String(e);
        },
      });
    });
    // The debounced save must not be the only path: an edit made just before leaving would be lost.
    addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Another tab's save: lists the fields whose value this tab saved and that save replaced. */
  private noticeOverwrites(rec: StoredAssessment) {
    if (rec.writer === this.store.writer || rec.revision < this.savedRevision || !Object.keys(this.written).length)
      return;
    let found: Overwrite[];
    try {
      found = findOverwrites(Object.values(this.written), rec.file, [...this.inflight, ...this.pending]);
    } catch {
      return; // a damaged record (db/records.ts) is shown as such, not compared
    }
    if (!found.length) return;
    // told once: from now on the field holds the other tab's value until this tab sets it again
    for (const o of found) delete this.written[o.key];
    this.overwrites = [...this.overwrites.filter((o) => !found.some((f) => f.key === o.key)), ...found];
  }

  /** "Keep mine": this tab's value again, as a new edit (the other tab is told in turn). */
  keepMine(o: Overwrite) {
    this.edit(o.mine);
  }

  /** "Accept theirs": the other tab's value stays; the notice goes. */
  dismissOverwrite(o: Overwrite) {
    this.overwrites = this.overwrites.filter((x) => x.key !== o.key);
  }

  /** Loads the record's rubric; a record naming none the app knows is shown as damaged instead. */
  private requestRubric(rec: StoredAssessment | undefined) {
    const rubric = this.store.rubricOf(rec);
    if (rubric) this.rubricLoad.request(rubric);
  }

  private local(file: AssessmentFile): AssessmentFile {
    return [...this.inflight, ...this.pending].reduce(applyPatch, file);
  }

  get dirty(): boolean {
    return this.pending.length > 0 || this.inflight.length > 0;
  }

  edit(...edits: Patch[]) {
    // every derived answer follows its figures, wherever they were typed (domain derive/follow.ts)
    const patches = this.weightedRubric && this.file ? followInputs(this.weightedRubric, this.file, edits) : edits;
    this.pending = [...this.pending, ...patches];
    // a notice about a field the user has just set again is out of date
    if (this.overwrites.length) {
      const keys = patches.map(fieldKey);
      this.overwrites = this.overwrites.filter((o) => !keys.includes(o.key));
    }
    // after a failure a new edit tries again at once rather than waiting for the backed-off retry
    if (!this.timer || this.saveState === 'error') this.schedule(SAVE_DELAY_MS);
    this.saveState = 'pending';
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length || this.inflight.length) return;
    this.inflight = this.pending;
    this.pending = [];
    this.saveState = 'saving';
    try {
      const saved = await this.store.update(this.id, this.inflight, location.hash.slice(1));
      for (const p of this.inflight) this.written[fieldKey(p)] = p;
      this.savedRevision = saved.revision;
      this.record = saved;
      this.inflight = [];
      this.saveError = null;
      this.failures = 0;
      this.saveState = this.pending.length ? 'pending' : 'saved';
      if (this.pending.length) this.schedule(SAVE_DELAY_MS);
    } catch (e) {
      // keep the edits: they stay on screen, are retried, and can be exported meanwhile
      this.pending = [...this.inflight, ...this.pending];
      this.inflight = [];
      if (this.superseded) {
        // aborted by leave(), which wrote these edits; a page that stays saves them again in the usual way
        this.superseded = false;
        this.saveState = 'pending';
        this.schedule(SAVE_DELAY_MS);
        return;
      }
      this.saveState = 'error';
      this.saveError = e instanceof Error ? e.message : String(e);
      this.failures++;
      this.schedule(Math.min(30_000, 1_000 * 2 ** this.failures));
    }
  }

  /**
   * The page is being left (pagehide): writes every unsaved edit now. An unloading page runs no further
   * callback, so a save that reads the stored record first (flush) would never get to its write; this one
   * puts the record as this tab last saw it (kept current by the live query) with the edits applied, and
   * commits at once. Should the page stay after all (back/forward cache), the normal save runs again.
   */
  leave() {
    if (!this.dirty || !this.record) return;
    this.superseded = this.inflight.length > 0;
    void this.store.writeNow(this.record, [...this.inflight, ...this.pending], location.hash.slice(1)).catch(() => {
      // the normal save below reports a failing store
    });
    if (this.pending.length) this.schedule(SAVE_DELAY_MS);
  }

  dispose() {
    this.disposed = true;
    void this.flush();
    this.sub?.unsubscribe();
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}
