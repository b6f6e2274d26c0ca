/**
 * The rubrics the app and the CLI know, validated once on first use. Bundled as JSON so the app works
 * offline and from any static host; a bad rubric fails loudly with file, path and problem.
 */
import cnSme2024 from '../../../rubrics/cn-sme-2024/rubric.json';
import type { WeightedRubric } from './schema';
import { parseRubric } from './load';

const sources: Record<string, { file: string; data: unknown }> = {
  'cn-sme-2024': { file: 'rubrics/cn-sme-2024/rubric.json', data: cnSme2024 },
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

const cache = new Map<string, WeightedRubric>();

export const RUBRIC_IDS = Object.keys(sources);
export const DEFAULT_RUBRIC = 'cn-sme-2024';

export function getRubric(id: string): WeightedRubric | undefined {
  if (!Object.hasOwn(sources, id)) return undefined;
  const hit = cache.get(id);
  if (hit) return hit;
  const src = sources[id]!;
  const result = parseRubric(src.data, src.file);
  if (!result.ok) {
    const first = result.issues[0]!;
    throw new RubricError(`${first.file} ${first.path}: ${first.message}`, result.issues);
  }
  cache.set(id, result.rubric);
  return result.rubric;
}
