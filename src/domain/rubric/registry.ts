/**
 * The rubrics the app and the CLI know, validated once on first use. Bundled as JSON so the app works
 * offline and from any static host; a bad rubric fails loudly with file, path and problem.
 */
import * as v from 'valibot';
import cnSme2024 from '../../../rubrics/cn-sme-2024/rubric.json';
import sdChenxing2022 from '../../../rubrics/sd-chenxing-2022/rubric.json';
import type { WeightedRubric } from './schema';
import { ChecklistRubric } from './checklist-schema';
import { parseRubric } from './load';

/** Either kind of rubric; `model` says which, and screens and engines choose by it. */
export type AnyRubric = WeightedRubric | ChecklistRubric;
export type RubricModel = AnyRubric['model'];

const sources: Record<string, { file: string; data: unknown }> = {
  'cn-sme-2024': { file: 'rubrics/cn-sme-2024/rubric.json', data: cnSme2024 },
  'sd-chenxing-2022': { file: 'rubrics/sd-chenxing-2022/rubric.json', data: sdChenxing2022 },
};

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

export const RUBRIC_IDS = Object.keys(sources);
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
