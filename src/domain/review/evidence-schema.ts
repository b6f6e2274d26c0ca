/**
 * Evidence guidance (rubrics/<id>/evidence.json): what a reviewer expects to see for each scored item
 * and for each level of each scenario. Article 7 of the seed says the experts review documents, system
 * logs and back-end data and visit the site; the lists here are this tool's own preparation advice for
 * that, never official text (the file says so in `notOfficial`).
 *
 * Shape:
 * - questions: question id → 2–5 evidence kinds. An item with `forOptions` applies only when one of
 *   those options is chosen (e.g. the 5G contract only for q1's 5G option); without it, it always applies.
 * - scenarios: scenario id → four lists (levels 1…4), 2–4 evidence kinds each.
 * Ids are kebab-case and unique within one list.
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';
import { ReviewDataError, issuesOf, throwIssues, type DataIssue } from '../data-error';
import { LocalizedText, type WeightedRubric } from '../rubric/schema';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';

const Id = IdSchema;

export const EVIDENCE_TYPES = ['document', 'screenshot', 'log', 'contract', 'register', 'photo', 'data'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EvidenceKind = v.strictObject({
  id: Id,
  kind: v.picklist(EVIDENCE_TYPES),
  /** Question evidence only: the option indices this item is for; absent = whatever is chosen. */
  forOptions: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.minLength(1))),
  text: LocalizedText,
});

export const QUESTION_EVIDENCE = { min: 2, max: 5 } as const;
export const LEVEL_EVIDENCE = { min: 2, max: 4 } as const;

const QuestionEvidence = v.pipe(
  v.array(EvidenceKind),
  v.minLength(QUESTION_EVIDENCE.min),
  v.maxLength(QUESTION_EVIDENCE.max),
);
const LevelEvidence = v.pipe(v.array(EvidenceKind), v.minLength(LEVEL_EVIDENCE.min), v.maxLength(LEVEL_EVIDENCE.max));

export const EvidenceGuidance = v.strictObject({
  $schema: v.optional(v.string()),
  /** The rubric id this guidance belongs to. */
  rubric: Id,
  /** Shown with the lists: this is our advice, not the seed's text. */
  notOfficial: LocalizedText,
  questions: v.record(v.string(), QuestionEvidence),
  scenarios: v.record(v.string(), v.pipe(v.array(LevelEvidence), v.minLength(1))),
});

export type EvidenceKind = v.InferOutput<typeof EvidenceKind>;
export type EvidenceGuidance = v.InferOutput<typeof EvidenceGuidance>;

/** One problem of evidence guidance or consistency rules: the domain's DataIssue. */
export type ReviewDataIssue = DataIssue;

export { ReviewDataError };

/**
 * Every problem of an evidence file against a rubric: schema errors, then the cross-checks a schema
 * cannot express (every question and scenario × level covered, no unknown ids, options in range and not
 * 「无」, every scored option of a question has at least one applicable item, ids unique per list).
 */
export function evidenceGuidanceIssues(data: unknown, rubric: WeightedRubric): ReviewDataIssue[] {
  return checkGuidance(data, rubric).issues;
}

function checkGuidance(
  data: unknown,
  rubric: WeightedRubric,
): { guidance?: EvidenceGuidance; issues: ReviewDataIssue[] } {
  const parsed = v.safeParse(EvidenceGuidance, data);
  if (!parsed.success) return { issues: issuesOf(parsed.issues) };
  const g = parsed.output;
  const out: ReviewDataIssue[] = [];
  if (g.rubric !== rubric.id) out.push({ path: 'rubric', message: `"${g.rubric}" but the rubric is "${rubric.id}"` });

  const uniqueIds = (list: EvidenceKind[], path: string) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id)) out.push({ path: `${path}.${i}.id`, message: `duplicate id ${e.id}` });
      seen.add(e.id);
    });
  };

  const questions = questionsOf(rubric);
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(g.questions))
    if (!known.has(id)) out.push({ path: `questions.${id}`, message: `unknown question ${id}` });
  for (const q of questions) {
    const list = g.questions[q.id];
    const path = `questions.${q.id}`;
    if (!list) {
      out.push({ path, message: 'no evidence for this question' });
      continue;
    }
    uniqueIds(list, path);
    const none = q.noneOption ?? (q.type === 'multiple' ? 0 : undefined);
    list.forEach((e, i) =>
      e.forOptions?.forEach((o, j) => {
        if (o >= q.options.length)
          out.push({ path: `${path}.${i}.forOptions.${j}`, message: `option ${o} out of range` });
        else if (o === none)
          out.push({ path: `${path}.${i}.forOptions.${j}`, message: 'the 「无」 option needs no evidence' });
      }),
    );
    // Option 0 of a single choice without 「无」 scores 0 ([0–10%], 增加 …): nothing is claimed there.
    q.options.forEach((_, o) => {
      if (o === none || (q.type === 'single' && o === 0)) return;
      if (!list.some((e) => !e.forOptions || e.forOptions.includes(o)))
        out.push({ path, message: `no evidence applies to option ${o}` });
    });
  }

  const scenarios = allScenarios(rubric);
  const knownScenarios = new Set(scenarios.map((s) => s.id));
  for (const id of Object.keys(g.scenarios))
    if (!knownScenarios.has(id)) out.push({ path: `scenarios.${id}`, message: `unknown scenario ${id}` });
  for (const s of scenarios) {
    const levels = g.scenarios[s.id];
    const path = `scenarios.${s.id}`;
    if (!levels) out.push({ path, message: 'no evidence for this scenario' });
    else if (levels.length !== s.levels.length)
      out.push({ path, message: `${levels.length} levels but the scenario has ${s.levels.length}` });
    levels?.forEach((list, i) => {
      uniqueIds(list, `${path}.${i}`);
      list.forEach((e, j) => {
        if (e.forOptions)
          out.push({ path: `${path}.${i}.${j}.forOptions`, message: 'only question evidence has options' });
      });
    });
  }
  return { guidance: g, issues: out };
}

/** Validates evidence guidance against its rubric; throws ReviewDataError listing every problem. */
export function parseEvidenceGuidance(data: unknown, rubric: WeightedRubric, file = 'evidence.json'): EvidenceGuidance {
  const { guidance, issues } = checkGuidance(data, rubric);
  if (!guidance || issues.length) throwIssues(file, issues, ReviewDataError);
  return guidance;
}
