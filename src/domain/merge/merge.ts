/**
 * Merging several respondents' answers for one enterprise and year (production, finance, IT each
 * answer what they know): where they disagree, and one merged answer set built from per-item choices.
 * The rules for "lower" and "higher" are ours (stated on the merge screen):
 * - an item: the answer with the lower (higher) item score; unanswered counts only when nobody answered;
 *   equal scores take the earliest respondent;
 * - a scenario: each level ticked only when every respondent ticked it ("lower") or when anyone did
 *   ("higher") — the same as taking the lowest (highest) claim level by level.
 * Weighted rubrics only; the scorer then evaluates the merged answers like any other file.
 */
import type { Answer, ScenarioChecks } from '../assessment/types';
import type { WeightedRubric } from '../rubric/schema';
import { cmp } from '../scoring/rational';
import { optionScore, questionsOf } from '../scoring/score';
import { allScenarios, scenarioLevel } from '../scoring/scenarios';

/** What one respondent answered (the file's `answers` and `scenarios`, and the notes per key). */
export interface Respondent {
  label: string;
  answers: Readonly<Record<string, Answer>>;
  scenarios: Readonly<Record<string, ScenarioChecks>>;
  notes?: Readonly<Record<string, string>>;
}

export type MergeKey = { kind: 'item'; id: string } | { kind: 'scenario'; id: string };
/** A respondent's index, or a rule applied to this key. */
export type Choice = number | 'lower' | 'higher';

export interface Disagreement {
  key: MergeKey;
  /** Each respondent's value in respondent order (undefined: unanswered / nothing ticked). */
  values: (Answer | ScenarioChecks | undefined)[];
}

const NONE: ScenarioChecks = [false, false, false, false];
const tuple = (a: readonly boolean[]): ScenarioChecks => [!!a[0], !!a[1], !!a[2], !!a[3]];

/** Same answer: same option, or the same set of options whatever their order. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (!Array.isArray(a)) return a === b;
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...(b as number[])].sort((x, y) => x - y);
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

const sameChecks = (a: ScenarioChecks | undefined, b: ScenarioChecks | undefined) =>
  (a ?? NONE).every((x, i) => x === (b ?? NONE)[i]);

/** Every item and scenario (rubric order) where the respondents do not all say the same. */
export function disagreements(rubric: WeightedRubric, respondents: readonly Respondent[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const q of questionsOf(rubric)) {
    const values = respondents.map((r) => r.answers[q.id]);
    if (values.some((v) => !sameAnswer(v, values[0]))) out.push({ key: { kind: 'item', id: q.id }, values });
  }
  for (const s of allScenarios(rubric)) {
    const values = respondents.map((r) => r.scenarios[s.id]);
    if (values.some((v) => !sameChecks(v, values[0]))) out.push({ key: { kind: 'scenario', id: s.id }, values });
  }
  return out;
}

export const mergeKeyId = (k: MergeKey): string => (k.kind === 'item' ? k.id : `scenario:${k.id}`);

export interface Merged {
  answers: Record<string, Answer>;
  scenarios: Record<string, ScenarioChecks>;
  /** For every key where respondents disagreed: the choice applied and the respondents whose value it took. */
  provenance: Record<string, { choice: Choice; from: number[] }>;
}

/**
 * The merged answers. Agreed keys keep the common value; a disagreed key takes `choices[key]`, else
 * `fallback` (a respondent index or a rule for everything not chosen one by one).
 */
export function mergeRespondents(
  rubric: WeightedRubric,
  respondents: readonly Respondent[],
  choices: Readonly<Record<string, Choice>>,
  fallback: Choice,
): Merged {
  if (respondents.length === 0) throw new RangeError('merge needs at least one respondent');
  const choiceFor = (id: string): Choice => {
    const c = choices[id] ?? fallback;
    if (typeof c === 'number' && (!Number.isInteger(c) || c < 0 || c >= respondents.length))
      throw new RangeError(`choice for ${id} names respondent ${c} of ${respondents.length}`);
    return c;
  };
  const answers: Record<string, Answer> = {};
  const scenarios: Record<string, ScenarioChecks> = {};
  const provenance: Merged['provenance'] = {};
  for (const q of questionsOf(rubric)) {
    const values = respondents.map((r) => r.answers[q.id]);
    let from: number[];
    if (values.every((v) => sameAnswer(v, values[0]))) from = [0];
    else {
      const choice = choiceFor(q.id);
      if (typeof choice === 'number') from = [choice];
      else {
        const answered = values.map((v, i) => ({ v, i })).filter((x) => x.v !== undefined);
        const better = (a: { v: Answer | undefined }, b: { v: Answer | undefined }) => {
          const c = cmp(optionScore(q, a.v), optionScore(q, b.v));
          return choice === 'lower' ? c < 0 : c > 0;
        };
        from = answered.length ? [answered.reduce((best, x) => (better(x, best) ? x : best)).i] : [0];
      }
      provenance[q.id] = { choice, from };
    }
    const v = values[from[0]!];
    if (v !== undefined) answers[q.id] = Array.isArray(v) ? [...v] : v;
  }
  for (const s of allScenarios(rubric)) {
    const values = respondents.map((r) => r.scenarios[s.id] ?? NONE);
    let checks: ScenarioChecks;
    if (values.every((v) => sameChecks(v, values[0]))) checks = values[0]!;
    else {
      const choice = choiceFor(`scenario:${s.id}`);
      if (typeof choice === 'number') {
        checks = values[choice]!;
        provenance[`scenario:${s.id}`] = { choice, from: [choice] };
      } else {
        const pick = (i: number) => values.map((v) => v[i]!);
        checks = tuple([0, 1, 2, 3].map((i) => (choice === 'lower' ? pick(i).every(Boolean) : pick(i).some(Boolean))));
        const level = scenarioLevel(checks);
        const from = values.flatMap((v, i) => (scenarioLevel(v) === level ? [i] : []));
        provenance[`scenario:${s.id}`] = { choice, from };
      }
    }
    if (checks.some(Boolean)) scenarios[s.id] = tuple(checks);
  }
  return { answers, scenarios, provenance };
}
