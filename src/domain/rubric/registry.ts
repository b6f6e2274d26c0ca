/**
 * The rubrics the app and the CLI know, validated once on first use. Bundled as JSON so the app works
 * offline and from any static host; a bad rubric fails loudly with file, path and problem.
 */
import * as v from 'valibot';
import type { WeightedRubric } from './schema';
import { ChecklistRubric } from './checklist-schema';
import { parseRubric } from './load';

/** Either kind of rubric; `model` says which, and screens and engines choose by it. */
export type AnyRubric = WeightedRubric | ChecklistRubric;
export type RubricModel = AnyRubric['model'];

/** Rubrics whose data has been loaded (filled by loadRubric). */
const sources: Record<string, { file: string; data: unknown }> = {};

/** Fetched on first use (own chunk), so the first visit does not carry them. */
const lazySources: Record<string, { file: string; load: () => Promise<{ default: unknown }> }> = {
  'cn-sme-2024': {
    file: 'rubrics/cn-sme-2024/rubric.json',
    load: () => import('../../../rubrics/cn-sme-2024/rubric.json'),
  },
  'sd-chenxing-2022': {
    file: 'rubrics/sd-chenxing-2022/rubric.json',
    load: () => import('../../../rubrics/sd-chenxing-2022/rubric.json'),
  },
};

/**
 * Makes a rubric available to the synchronous getters; resolves to undefined for unknown ids.
 * Callers that may meet a lazily loaded rubric (import, opening an assessment, the CLI) await this first.
 */
export async function loadRubric(id: string): Promise<AnyRubric | undefined> {
  if (!Object.hasOwn(sources, id) && Object.hasOwn(lazySources, id)) {
    const lazy = lazySources[id]!;
    sources[id] = { file: lazy.file, data: (await lazy.load()).default };
  }
  return getAnyRubric(id);
}

/** Loads every rubric named in a file's text (a single assessment or a backup); never throws. */
export async function loadRubricsFor(text: string): Promise<void> {
  const ids = new Set<string>();
  try {
    const data = JSON.parse(text) as { rubric?: unknown; assessments?: unknown };
    if (typeof data?.rubric === 'string') ids.add(data.rubric);
    if (Array.isArray(data?.assessments))
      for (const a of data.assessments) if (typeof a?.rubric === 'string') ids.add(a.rubric);
  } catch {
    return; // the validator reports the broken file
  }
  await Promise.all([...ids].filter((id) => Object.hasOwn(lazySources, id)).map(loadRubric));
}

export class RubricError extends Error {
  constructor(
    message: string,
    readonly issues: { file: string; path: string; message: string }[],
  ) {
    super(message);
    this.name = 'RubricError';
  }
}

const cache = new Map<string, AnyRubric>();

export const RUBRIC_IDS = Object.keys(lazySources);
export const DEFAULT_RUBRIC = 'cn-sme-2024';

/** Any bundled rubric by id, validated by the schema its `model` declares. */
export function getAnyRubric(id: string): AnyRubric | undefined {
  if (!Object.hasOwn(sources, id)) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  const src = sources[id]!;
  const model = (src.data as { model?: unknown }).model;
  let rubric: AnyRubric;
  if (model === 'required-checklist') {
    const parsed = v.safeParse(ChecklistRubric, src.data);
    if (!parsed.success) {
      const issues = parsed.issues.map((i) => ({
        file: src.file,
        path: v.getDotPath(i) ?? '(root)',
        message: i.message,
      }));
      throw new RubricError(`${issues[0]!.file} ${issues[0]!.path}: ${issues[0]!.message}`, issues);
    }
    rubric = parsed.output;
  } else {
    const result = parseRubric(src.data, src.file);
    if (!result.ok) {
      const first = result.issues[0]!;
      throw new RubricError(`${first.file} ${first.path}: ${first.message}`, result.issues);
    }
    rubric = result.rubric;
  }
  cache.set(id, rubric);
  return rubric;
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
