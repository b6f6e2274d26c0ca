/**
 * The rubrics the app and the CLI know: one line per rubric folder, whose manifest.json names its parts
 * (rubric, cost model, review data, mapping, guides). Every part is fetched on first use as its own chunk
 * and validated against the rubric; a bad file fails loudly with file, path and problem.
 */
import type { WeightedRubric } from './schema';
import type { ChecklistRubric } from './checklist-schema';
import type { RubricManifest } from './manifest';
import type { CostModel } from '../planner/cost-model';
import { RubricError } from './rubric-error';
import { nextTask } from '../next-task';

export { RubricError };

/** Either kind of rubric; `model` says which, and screens and engines choose by it. */
export type AnyRubric = WeightedRubric | ChecklistRubric;
export type RubricModel = AnyRubric['model'];

/**
 * Loads one JSON file of a rubric folder by its name without ".json". Written as an import() with the
 * folder fixed, so Vite makes each file of the folder its own chunk and Node (tsx) reads it as it is.
 */
export type FolderLoader = (name: string) => Promise<{ default: unknown }>;

/** The bundled rubric folders (rubrics/<id>/): adding a rubric is its folder plus one line here. */
const folders: Record<string, FolderLoader> = {
  'cn-sme-2024': (name) => import(`../../../rubrics/cn-sme-2024/${name}.json`),
  'sd-chenxing-2022': (name) => import(`../../../rubrics/sd-chenxing-2022/${name}.json`),
};
/** Where each folder is, for messages: rubrics/<id> unless registered from elsewhere (tests). */
const paths: Record<string, string> = {};

export { DEFAULT_RUBRIC } from './default-rubric';
/** Every registered rubric id (the same array after registerRubric adds one). */
export const RUBRIC_IDS: string[] = Object.keys(folders);

/**
 * Registers a rubric folder that is not bundled (a test-only rubric): `path` names it in messages. The
 * bundled ones are the lines of `folders` above; this is the same entry, made at run time.
 */
export function registerRubric(id: string, load: FolderLoader, path = `rubrics/${id}`): void {
  if (Object.hasOwn(folders, id)) throw new RubricError(`rubric ${id} is registered already`, []);
  folders[id] = load;
  paths[id] = path;
  RUBRIC_IDS.push(id);
}

export function isRegistered(id: string): boolean {
  return Object.hasOwn(folders, id);
}

/** The path of a file in a rubric's folder, as messages name it (e.g. rubrics/cn-sme-2024/costs.json). */
export function rubricFile(id: string, file: string): string {
  return `${Object.hasOwn(paths, id) ? paths[id] : `rubrics/${id}`}/${file}`;
}

/** The raw data of one file of a registered rubric's folder (a part its manifest names). */
export async function readRubricFile(id: string, file: string): Promise<unknown> {
  if (!Object.hasOwn(folders, id)) throw new RubricError(`unknown rubric ${id}`, []);
  return (await folders[id]!(file.replace(/\.json$/, ''))).default;
}

interface Loaded {
  manifest: RubricManifest;
  rubric: AnyRubric;
  /** The weighted rubric's own cost model, checked against it. */
  costs?: CostModel;
}

const cache = new Map<string, Loaded>();
const inFlight = new Map<string, Promise<AnyRubric>>();
const listeners = new Set<(rubric: AnyRubric) => void>();

/** Reads and validates the manifest, the rubric and (weighted) its cost model. */
async function loadFolder(id: string): Promise<AnyRubric> {
  // the schemas (valibot) load with the first rubric, not with the first screen
  const [parse, manifestData] = await Promise.all([import('./parse-any'), readRubricFile(id, 'manifest.json')]);
  const manifest = parse.parseManifest(manifestData, id, rubricFile(id, 'manifest.json'));
  const [data, costsData] = await Promise.all([
    readRubricFile(id, manifest.rubric),
    manifest.model === 'weighted-scenarios' ? readRubricFile(id, manifest.costs) : undefined,
  ]);
  // Each check, and the screens' update that the listeners start, runs as a task of its own: together they
  // would block a phone's main thread for a few hundred milliseconds while the first screen is in use.
  await nextTask();
  const rubric = parse.parseAnyRubric(data, rubricFile(id, manifest.rubric), manifest);
  await nextTask();
  const costs =
    manifest.model === 'weighted-scenarios' && rubric.model === 'weighted-scenarios'
      ? parse.parseCostModel(costsData, rubric, rubricFile(id, manifest.costs))
      : undefined;
  cache.set(id, { manifest, rubric, ...(costs ? { costs } : {}) });
  await nextTask();
  for (const listener of listeners) listener(rubric);
  return rubric;
}

/**
 * Makes a rubric (with its manifest and cost model) available to the synchronous getters; resolves to
 * undefined for unknown ids. Callers that may meet a lazily loaded rubric (import, opening an assessment,
 * the CLI) await this first. A failed load is forgotten, so the next call tries again.
 */
export function loadRubric(id: string): Promise<AnyRubric | undefined> {
  const hit = cache.get(id);
  if (hit) return Promise.resolve(hit.rubric);
  if (!Object.hasOwn(folders, id)) return Promise.resolve(undefined);
  let loading = inFlight.get(id);
  if (!loading) {
    loading = loadFolder(id).finally(() => inFlight.delete(id));
    inFlight.set(id, loading);
  }
  return loading;
}

/** Calls `listener` with every rubric loaded from now on (the app's reactive cache); returns the unsubscribe. */
export function onRubricLoaded(listener: (rubric: AnyRubric) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Loads every rubric named in a file's text (a single assessment or a backup); never throws. */
export async function loadRubricsFor(text: string): Promise<void> {
  const ids = new Set<string>();
  try {
    // a leading byte order mark is ignored, as parseAssessmentText ignores it
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { rubric?: unknown; assessments?: unknown };
    if (typeof data?.rubric === 'string') ids.add(data.rubric);
    if (Array.isArray(data?.assessments))
      for (const a of data.assessments) if (typeof a?.rubric === 'string') ids.add(a.rubric);
  } catch {
    return; // the validator reports the broken file
  }
  await Promise.all([...ids].filter((id) => Object.hasOwn(folders, id)).map(loadRubric));
}

/** Any loaded rubric by id, validated by the schema its `model` declares. */
export function getAnyRubric(id: string): AnyRubric | undefined {
  return cache.get(id)?.rubric;
}

/** A weighted (national-style) rubric by id; undefined for unknown ids and for checklist rubrics. */
export function getRubric(id: string): WeightedRubric | undefined {
  const r = getAnyRubric(id);
  return r?.model === 'weighted-scenarios' ? r : undefined;
}

export function getChecklistRubric(id: string): ChecklistRubric | undefined {
  const r = getAnyRubric(id);
  return r?.model === 'required-checklist' ? r : undefined;
}

/** The manifest of a loaded rubric: which parts it has and where they are. */
export function getManifest(id: string): RubricManifest | undefined {
  return cache.get(id)?.manifest;
}

/** The cost model loaded with a weighted rubric (planner/costs.ts reads it). */
export function loadedCostModel(id: string): CostModel | undefined {
  return cache.get(id)?.costs;
}
