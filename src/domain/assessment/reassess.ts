/**
 * Next year's assessment from this year's: the figures of "last year" become those of "the year before",
 * "last year" is left blank, and every answer derived from them is cleared, so a re-assessment never scores
 * last year's figures as this year's. Which fields pair up is read from each question's derivation (no
 * question or field id in code): a per-revenue trend pairs valueLastYear/valueYearBefore and
 * revenueLastYear/revenueYearBefore, a value trend after/before and afterPer/beforePer (the pass rate
 * after the retrofit last year is the baseline this year, as the revenue per employee is).
 */
import type { WeightedRubric } from '../rubric/schema';
import { questionsOf } from '../scoring/score';
import type { AssessmentFile } from './file';
import { EXTENSION_KEY, type Extension } from './extension';

/** One figure that moves a year back on re-assessment: `numbers[question][last]` → `[before]`. */
export interface YearPair {
  question: string;
  last: string;
  before: string;
}

/** The year pairs of every question with a trend derivation, in rubric order (own fields only, not sameAs). */
export function yearFigurePairs(rubric: WeightedRubric): YearPair[] {
  const out: YearPair[] = [];
  for (const q of questionsOf(rubric)) {
    const d = q.derivation;
    if (!d || d.kind === 'ratio-bucket') continue;
    const pairs: [string | undefined, string | undefined][] =
      d.kind === 'per-revenue-trend'
        ? [
            [d.valueLastYear, d.valueYearBefore],
            [d.revenueLastYear, d.revenueYearBefore],
          ]
        : [
            [d.after, d.before],
            [d.afterPer, d.beforePer],
          ];
    // a field that reads another question's value (sameAs) moves with that question
    const own = new Set((q.numericFields ?? []).filter((f) => !f.sameAs).map((f) => f.id));
    for (const [last, before] of pairs)
      if (last && before && own.has(last) && own.has(before)) out.push({ question: q.id, last, before });
  }
  return out;
}

/**
 * The questions whose answer rests on figures of a given year: every question with a trend derivation
 * (its own fields, or fields it reads from another question through sameAs, move a year). In rubric order.
 */
export function yearDependentQuestions(rubric: WeightedRubric): string[] {
  return questionsOf(rubric)
    .filter((q) => q.derivation && q.derivation.kind !== 'ratio-bucket')
    .map((q) => q.id);
}

/**
 * The file with its year figures shifted (pure; `file` is not changed): for every pair, last year's value
 * becomes the year before's and last year's is removed; the energy table's "last year" amounts (of its
 * rows and of the user's "other energy" rows) become the "year before" amounts; the answers and overrides of yearDependentQuestions are cleared. `needsUpdate`:
 * those questions, for the list the re-assessment opens on.
 */
export function shiftFigures(
  file: AssessmentFile,
  rubric: WeightedRubric,
): { file: AssessmentFile; needsUpdate: string[] } {
  const next: AssessmentFile = structuredClone(file);
  const ext: Extension = next[EXTENSION_KEY] ?? {};
  const numbers = ext.numbers;
  if (numbers)
    for (const { question, last, before } of yearFigurePairs(rubric)) {
      const q = numbers[question];
      if (!q) continue;
      const value = q[last];
      delete q[last];
      if (value === undefined) delete q[before];
      else q[before] = value;
      if (!Object.keys(q).length) delete numbers[question];
    }
  if (ext.energy) {
    const { lastYear, other } = ext.energy;
    ext.energy = lastYear && Object.keys(lastYear).length ? { yearBefore: lastYear } : {};
    // the user's own carriers stay (name, unit, coefficient: the enterprise still burns them); their amounts
    // move a year back like the table's, and the new last year is left to fill in
    if (other?.length)
      ext.energy.other = other.map(({ lastYear: amount, yearBefore: _old, ...row }) =>
        amount === undefined ? row : { ...row, yearBefore: amount },
      );
  }
  const needsUpdate = yearDependentQuestions(rubric);
  const answers = { ...next.answers };
  for (const id of needsUpdate) delete answers[id];
  next.answers = answers;
  if (ext.overrides) {
    const kept = ext.overrides.filter((id) => !needsUpdate.includes(id));
    if (kept.length) ext.overrides = kept;
    else delete ext.overrides;
  }
  if (next[EXTENSION_KEY]) next[EXTENSION_KEY] = ext;
  return { file: next, needsUpdate };
}

/**
 * What a re-assessment still has to update, for the list it opens on: the year-dependent questions not
 * yet answered. Empty for an assessment that is no re-assessment (no `meta.previousId`).
 */
export function figuresToUpdate(file: AssessmentFile, rubric: WeightedRubric): string[] {
  if (file[EXTENSION_KEY]?.meta?.previousId === undefined) return [];
  return yearDependentQuestions(rubric).filter((id) => file.answers[id] === undefined);
}
