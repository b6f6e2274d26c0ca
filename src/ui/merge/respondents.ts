/** What the merge screen shows of each respondent: labels, answers as option texts, the warnings. */
import {
  assessmentYear,
  questionsOf,
  allScenarios,
  scenarioLevel,
  EXTENSION_KEY,
  weightedAnswersOf,
  type Answer,
  type MergeKey,
  type Respondent,
  type ScenarioChecks,
  type WeightedRubric,
} from '../../domain/index';
import type { StoredAssessment } from '../../db/database';
import type { LocalizedText } from '../../domain/rubric/schema';

export interface Words {
  t: (key: string, vars?: Record<string, unknown>) => string;
  loc: (text: LocalizedText | undefined) => string;
}

/**
 * Each assessment as a respondent. Its label: the assessment's own label, else the enterprise name (the same
 * for every respondent, usually), so equal labels get their place in the list appended ("晨星 #2").
 */
export function respondentsOf(records: readonly StoredAssessment[], anonymous: string): Respondent[] {
  const base = records.map(
    (r) => r.file[EXTENSION_KEY]?.meta?.label?.trim() || r.file.profile?.name?.trim() || anonymous,
  );
  return records.map((r, i) => ({
    label: base.filter((b) => b === base[i]).length > 1 ? `${base[i]} #${i + 1}` : base[i]!,
    answers: weightedAnswersOf(r.file),
    scenarios: r.file.scenarios,
    notes: r.file[EXTENSION_KEY]?.notes ?? {},
  }));
}

/** The distinct enterprise names and years of the records, for the "not the same enterprise / year" warnings. */
export function differences(records: readonly StoredAssessment[], anonymous: string) {
  const names = [...new Set(records.map((r) => r.file.profile?.name?.trim() || anonymous))];
  const years = [...new Set(records.map((r) => assessmentYear(r).year))];
  return { names: names.length > 1 ? names : [], years: years.length > 1 ? years : [] };
}

/** The heading of a key: "第 4 题 · 采集项" (question number and plain question) or the scenario's name. */
export function keyTitle(rubric: WeightedRubric, key: MergeKey, w: Words): { tag: string; text: string } {
  if (key.kind === 'item') {
    const q = questionsOf(rubric).find((x) => x.id === key.id)!;
    return { tag: w.t('merge.question', { n: q.number }), text: w.loc(q.plain ?? q.text) };
  }
  const s = allScenarios(rubric).find((x) => x.id === key.id)!;
  return { tag: w.t('merge.scenarioTag'), text: w.loc(s.name) };
}

/** A respondent's value in words: the option texts, or the scenario level reached and what it says. */
export function valueText(
  rubric: WeightedRubric,
  key: MergeKey,
  value: Answer | ScenarioChecks | undefined,
  w: Words,
): string {
  if (key.kind === 'item') {
    if (value === undefined) return w.t('merge.unanswered');
    const q = questionsOf(rubric).find((x) => x.id === key.id)!;
    const picked = (Array.isArray(value) ? value : [value]) as number[];
    return picked.map((i) => w.loc(q.options[i]?.text)).join(w.t('merge.separator'));
  }
  const level = scenarioLevel(value as ScenarioChecks | undefined);
  if (level === 0) return w.t('merge.noLevel');
  const s = allScenarios(rubric).find((x) => x.id === key.id)!;
  return w.t('merge.scenarioLevel', { level, text: w.loc(s.levels[level - 1]) });
}
