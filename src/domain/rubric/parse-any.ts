/**
 * Validates rubric data by the schema its `model` declares. Loaded with the first rubric (own chunk), so
 * the first screen does not carry the schemas.
 */
import * as v from 'valibot';
import { ChecklistRubric } from './checklist-schema';
import { parseRubric } from './load';
import { RubricError } from './rubric-error';
import type { AnyRubric } from './registry';

export function parseAnyRubric(data: unknown, file: string): AnyRubric {
  if ((data as { model?: unknown }).model === 'required-checklist') {
    const parsed = v.safeParse(ChecklistRubric, data);
    if (!parsed.success) {
      const issues = parsed.issues.map((i) => ({ file, path: v.getDotPath(i) ?? '(root)', message: i.message }));
      throw new RubricError(`${file} ${issues[0]!.path}: ${issues[0]!.message}`, issues);
    }
    return parsed.output;
  }
  const result = parseRubric(data, file);
  if (!result.ok) {
    const first = result.issues[0]!;
    throw new RubricError(`${first.file} ${first.path}: ${first.message}`, result.issues);
  }
  return result.rubric;
}
