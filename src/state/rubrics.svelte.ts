/**
 * The loaded rubrics as reactive state: whatever loads a rubric (the app, a session, an import, the
 * record checks) goes through the domain registry, which tells this cache; screens and derived lists read
 * it here and recompute when a rubric arrives. The domain's own cache stays plain (no Svelte in domain/).
 */
import { SvelteMap } from 'svelte/reactivity';
import {
  RUBRIC_IDS,
  getAnyRubric,
  loadRubric,
  onRubricLoaded,
  type AnyRubric,
  type ChecklistRubric,
  type WeightedRubric,
} from '../domain/index';

class RubricCache {
  readonly #loaded = new SvelteMap<string, AnyRubric>();

  constructor() {
    for (const id of RUBRIC_IDS) {
      const rubric = getAnyRubric(id);
      if (rubric) this.#loaded.set(id, rubric);
    }
    onRubricLoaded((rubric) => this.#loaded.set(rubric.id, rubric));
  }

  /** The rubric once loaded (reactive: a derived value reading it runs again when it arrives). */
  get(id: string): AnyRubric | undefined {
    return this.#loaded.get(id);
  }

  /** The same as a function, for the domain's and storage's `RubricLookup` parameters. */
  readonly lookup = (id: string): AnyRubric | undefined => this.get(id);

  weighted(id: string): WeightedRubric | undefined {
    const r = this.get(id);
    return r?.model === 'weighted-scenarios' ? r : undefined;
  }

  checklist(id: string): ChecklistRubric | undefined {
    const r = this.get(id);
    return r?.model === 'required-checklist' ? r : undefined;
  }

  /** Loads a rubric (the domain registry; this cache hears of it); rejects when it fails to load. */
  load(id: string): Promise<AnyRubric | undefined> {
    return loadRubric(id);
  }
}

export const rubrics = new RubricCache();
