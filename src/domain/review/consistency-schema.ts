/**
 * Consistency rules (rubrics/<id>/consistency.json): combinations of answers (attachment 1) and
 * scenario levels (attachment 2) that contradict each other on the rubric's own terms, so a reviewer
 * checking documents, logs and back-end data (article 7) is likely to challenge them. The rules are this
 * tool's reading of the two attachments side by side, not official text; they never change the score.
 *
 * A rule is a condition tree over the assessment (`when`), optionally instantiated once per binding of
 * `each`: a string "$name" anywhere in `when` is replaced by the binding's value before validation, so
 * one rule can cover several scenarios ("$scenario", "$level", "$option" …). Each binding that holds
 * gives one finding. Named scenario sets (`sets`) list scenario × minimum level pairs shared by rules.
 *
 * Tests (`test`):
 * - all / any: every / at least one sub-condition holds.
 * - answer-none: the question is answered 「无」 ([0] for multiple choice, the noneOption for single);
 *   with orUnanswered, an unanswered question counts as 「无」 too.
 * - answer-in: a single-choice question is answered with one of `options`.
 * - answer-below: both single-choice questions are answered and `question`'s option index is lower than
 *   `than`'s (the options run in the same order, e.g. q2 and q3's buckets).
 * - selected: a multiple-choice question is answered and `option` is (is: true) / is not (is: false)
 *   among the chosen.
 * - selected-count: number of options chosen other than 「无」 within [min, max]; `as` names the param.
 * - above-derived: the answer's option index is higher than the one the numeric helper computes from
 *   the typed numbers (deriveOption); params answer, derived.
 * - seed-blanks-empty: some blank the seed prints beside the question ([    ]) has no number.
 * - number-greater: typed number `field` ("q3.equipment-networked") > `than`; params value, than.
 * - scenario-level: the scenario's counted level (gating of 附件2 备注2) within [min, max]; `as` names
 *   a param with the level.
 * - scenario-count: how many scenarios of `among` reach their level, within [min, max]. `among` is a list
 *   of {scenario, level}, a set name, or {every: L} (every scenario of the rubric at level L). `as` names
 *   the params: <as> = matched ids (comma-separated), <as>Count = their number.
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';
import { LocalizedText, type WeightedRubric } from '../rubric/schema';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import type { ReviewDataIssue } from './evidence-schema';
import { ReviewDataError, issuesOf, throwIssues } from '../data-error';

const Id = IdSchema;
const QuestionId = v.pipe(v.string(), v.regex(/^q[0-9]+$/, 'a question id (q1…)'));
const Index = v.pipe(v.number(), v.integer(), v.minValue(0));
const Level = v.pipe(v.number(), v.integer(), v.minValue(0));
const ParamName = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a param name (letters and digits)'));

export const ScenarioThreshold = v.strictObject({ scenario: Id, level: v.pipe(Level, v.minValue(1)) });
export type ScenarioThreshold = v.InferOutput<typeof ScenarioThreshold>;

export type RuleCondition =
  | { test: 'all'; of: RuleCondition[] }
  | { test: 'any'; of: RuleCondition[] }
  | { test: 'answer-none'; question: string; orUnanswered?: boolean }
  | { test: 'answer-in'; question: string; options: number[] }
  | { test: 'answer-below'; question: string; than: string }
  | { test: 'selected'; question: string; option: number; is: boolean }
  | { test: 'selected-count'; question: string; min?: number; max?: number; as?: string }
  | { test: 'above-derived'; question: string }
  | { test: 'seed-blanks-empty'; question: string }
  | { test: 'number-greater'; field: string; than: string }
  | { test: 'scenario-level'; scenario: string; min?: number; max?: number; as?: string }
  | {
      test: 'scenario-count';
      among: ScenarioThreshold[] | { every: number } | string;
      min?: number;
      max?: number;
      as?: string;
    };

const FieldRef = v.pipe(v.string(), v.regex(/^q[0-9]+\.[a-z0-9-]+$/, 'a field reference (q3.equipment-networked)'));

export const RuleCondition: v.GenericSchema<RuleCondition> = v.lazy(() =>
  v.variant('test', [
    v.strictObject({ test: v.literal('all'), of: v.pipe(v.array(RuleCondition), v.minLength(1)) }),
    v.strictObject({ test: v.literal('any'), of: v.pipe(v.array(RuleCondition), v.minLength(1)) }),
    v.strictObject({ test: v.literal('answer-none'), question: QuestionId, orUnanswered: v.optional(v.boolean()) }),
    v.strictObject({
      test: v.literal('answer-in'),
      question: QuestionId,
      options: v.pipe(v.array(Index), v.minLength(1)),
    }),
    v.strictObject({ test: v.literal('answer-below'), question: QuestionId, than: QuestionId }),
    v.strictObject({ test: v.literal('selected'), question: QuestionId, option: Index, is: v.boolean() }),
    v.strictObject({
      test: v.literal('selected-count'),
      question: QuestionId,
      min: v.optional(Index),
      max: v.optional(Index),
      as: v.optional(ParamName),
    }),
    v.strictObject({ test: v.literal('above-derived'), question: QuestionId }),
    v.strictObject({ test: v.literal('seed-blanks-empty'), question: QuestionId }),
    v.strictObject({ test: v.literal('number-greater'), field: FieldRef, than: FieldRef }),
    v.strictObject({
      test: v.literal('scenario-level'),
      scenario: Id,
      min: v.optional(Level),
      max: v.optional(Level),
      as: v.optional(ParamName),
    }),
    v.strictObject({
      test: v.literal('scenario-count'),
      among: v.union([v.array(ScenarioThreshold), v.strictObject({ every: v.pipe(Level, v.minValue(1)) }), Id]),
      min: v.optional(Index),
      max: v.optional(Index),
      as: v.optional(ParamName),
    }),
  ]),
);

/** Values a binding may give a "$name": ids, numbers, option lists, scenario × level lists. */
const BindingValue = v.union([v.string(), v.number(), v.array(Index), v.array(ScenarioThreshold)]);
export const Binding = v.record(ParamName, BindingValue);
export type Binding = v.InferOutput<typeof Binding>;

export const SEVERITIES = ['challenge', 'review'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RawRule = v.strictObject({
  id: Id,
  /** challenge: likely to be challenged by the reviewers; review: worth a second look. */
  severity: v.picklist(SEVERITIES),
  /** Every question and scenario id the rule can name, for linking (a finding names a subset). */
  involves: v.pipe(v.array(v.string()), v.minLength(1)),
  /** Which texts of the two attachments the rule rests on: our wording, not official text. */
  basis: LocalizedText,
  /** Shown for a finding; {name} is filled from its params (see formatFinding). */
  message: LocalizedText,
  each: v.optional(v.pipe(v.array(Binding), v.minLength(1))),
  /** Validated after the bindings are substituted. */
  when: v.unknown(),
});

export const RawConsistencyRules = v.strictObject({
  $schema: v.optional(v.string()),
  rubric: Id,
  notOfficial: LocalizedText,
  sets: v.record(Id, v.pipe(v.array(ScenarioThreshold), v.minLength(1))),
  rules: v.pipe(v.array(RawRule), v.minLength(1)),
});

export interface RuleInstance {
  /** Empty for a rule without `each`. */
  binding: Binding;
  when: RuleCondition;
}

export type ConsistencyRule = Omit<v.InferOutput<typeof RawRule>, 'when'> & {
  when: unknown;
  /** One per binding (or one with an empty binding), with the variables substituted and validated. */
  instances: RuleInstance[];
};

export interface ConsistencyRules {
  rubric: string;
  notOfficial: LocalizedText;
  sets: Record<string, ScenarioThreshold[]>;
  rules: ConsistencyRule[];
}

const VAR = /^\$([a-zA-Z][a-zA-Z0-9]*)$/;

/** Replaces every string "$name" in `node` by the binding's value; collects names the binding lacks. */
export function substitute(node: unknown, binding: Binding, unbound: Set<string>): unknown {
  if (typeof node === 'string') {
    const m = VAR.exec(node);
    if (!m) return node;
    if (!Object.hasOwn(binding, m[1]!)) {
      unbound.add(node);
      return node;
    }
    return binding[m[1]!];
  }
  if (Array.isArray(node)) return node.map((x) => substitute(x, binding, unbound));
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, x]) => [k, substitute(x, binding, unbound)]));
  return node;
}

/** Question and scenario ids a condition names (for `involves` checks). */
export function referencedIds(c: RuleCondition, sets: Record<string, ScenarioThreshold[]>, all: string[]): string[] {
  switch (c.test) {
    case 'all':
    case 'any':
      return c.of.flatMap((x) => referencedIds(x, sets, all));
    case 'answer-below':
      return [c.question, c.than];
    case 'number-greater':
      return [c.field.split('.')[0]!, c.than.split('.')[0]!];
    case 'scenario-level':
      return [c.scenario];
    case 'scenario-count':
      return typeof c.among === 'string'
        ? (sets[c.among] ?? []).map((t) => t.scenario)
        : Array.isArray(c.among)
          ? c.among.map((t) => t.scenario)
          : all;
    default:
      return [c.question];
  }
}

function check(data: unknown, rubric: WeightedRubric): { rules?: ConsistencyRules; issues: ReviewDataIssue[] } {
  const parsed = v.safeParse(RawConsistencyRules, data);
  if (!parsed.success) return { issues: issuesOf(parsed.issues) };
  const raw = parsed.output;
  const out: ReviewDataIssue[] = [];
  if (raw.rubric !== rubric.id)
    out.push({ path: 'rubric', message: `"${raw.rubric}" but the rubric is "${rubric.id}"` });

  const questions = new Map(questionsOf(rubric).map((q) => [q.id, q]));
  const scenarios = allScenarios(rubric);
  const scenarioIds = new Set(scenarios.map((s) => s.id));
  const maxLevel = Math.max(...scenarios.map((s) => s.levels.length));

  for (const [name, list] of Object.entries(raw.sets))
    list.forEach((t, i) => {
      if (!scenarioIds.has(t.scenario))
        out.push({ path: `sets.${name}.${i}.scenario`, message: `unknown scenario ${t.scenario}` });
      if (t.level > maxLevel) out.push({ path: `sets.${name}.${i}.level`, message: `level ${t.level} > ${maxLevel}` });
    });

  const seen = new Set<string>();
  const rules: ConsistencyRule[] = raw.rules.map((r, ri) => {
    const path = `rules.${ri}`;
    if (seen.has(r.id)) out.push({ path: `${path}.id`, message: `duplicate id ${r.id}` });
    seen.add(r.id);
    r.involves.forEach((id, i) => {
      if (!questions.has(id) && !scenarioIds.has(id))
        out.push({ path: `${path}.involves.${i}`, message: `unknown question or scenario ${id}` });
    });
    const instances: RuleInstance[] = [];
    (r.each ?? [{}]).forEach((binding, bi) => {
      const where = r.each ? `${path}.when (each.${bi})` : `${path}.when`;
      const unbound = new Set<string>();
      const substituted = substitute(r.when, binding, unbound);
      if (unbound.size) {
        out.push({ path: where, message: `unbound ${[...unbound].join(', ')}` });
        return;
      }
      const c = v.safeParse(RuleCondition, substituted);
      if (!c.success) {
        for (const i of c.issues) out.push({ path: `${where}.${v.getDotPath(i) ?? ''}`, message: i.message });
        return;
      }
      for (const p of conditionIssues(c.output, rubric, raw.sets, maxLevel)) out.push({ path: where, message: p });
      for (const id of referencedIds(c.output, raw.sets, [...scenarioIds]))
        if (!r.involves.includes(id)) out.push({ path: `${path}.involves`, message: `${id} is used but not listed` });
      instances.push({ binding, when: c.output });
    });
    return { ...r, instances };
  });
  return { rules: { rubric: raw.rubric, notOfficial: raw.notOfficial, sets: raw.sets, rules }, issues: out };
}

/** Problems of one substituted condition against the rubric (ids, option ranges, question types). */
function conditionIssues(
  c: RuleCondition,
  rubric: WeightedRubric,
  sets: Record<string, ScenarioThreshold[]>,
  maxLevel: number,
): string[] {
  const questions = new Map(questionsOf(rubric).map((q) => [q.id, q]));
  const scenarioIds = new Set(allScenarios(rubric).map((s) => s.id));
  const question = (id: string, type?: 'single' | 'multiple') => {
    const q = questions.get(id);
    if (!q) return [`unknown question ${id}`];
    if (type && q.type !== type) return [`${id} is not ${type} choice`];
    return [];
  };
  const option = (id: string, o: number) => {
    const q = questions.get(id);
    return q && o >= q.options.length ? [`${id} has no option ${o}`] : [];
  };
  const level = (l: number | undefined) => (l !== undefined && l > maxLevel ? [`level ${l} > ${maxLevel}`] : []);
  const field = (ref: string) => {
    const [qid, fid] = ref.split('.') as [string, string];
    const q = questions.get(qid);
    return q?.numericFields?.some((f) => f.id === fid) ? [] : [`unknown field ${ref}`];
  };
  switch (c.test) {
    case 'all':
    case 'any':
      return c.of.flatMap((x) => conditionIssues(x, rubric, sets, maxLevel));
    case 'answer-none': {
      const q = questions.get(c.question);
      if (q && q.noneOption === undefined && q.type === 'single') return [`${c.question} has no 「无」 option`];
      return question(c.question);
    }
    case 'answer-in':
      return [...question(c.question, 'single'), ...c.options.flatMap((o) => option(c.question, o))];
    case 'answer-below': {
      const a = questions.get(c.question);
      const b = questions.get(c.than);
      const shape =
        a && b && a.options.length !== b.options.length ? [`${c.question} and ${c.than} have different options`] : [];
      return [...question(c.question, 'single'), ...question(c.than, 'single'), ...shape];
    }
    case 'selected':
      return [...question(c.question, 'multiple'), ...option(c.question, c.option)];
    case 'selected-count':
      return question(c.question, 'multiple');
    case 'above-derived':
    case 'seed-blanks-empty': {
      const q = questions.get(c.question);
      if (!q) return [`unknown question ${c.question}`];
      if (c.test === 'above-derived' && !q.derivation) return [`${c.question} has no derivation`];
      if (c.test === 'seed-blanks-empty' && !q.numericFields?.some((f) => f.inSeed))
        return [`${c.question} has no blanks in the seed`];
      return [];
    }
    case 'number-greater':
      return [...field(c.field), ...field(c.than)];
    case 'scenario-level':
      return [
        ...(scenarioIds.has(c.scenario) ? [] : [`unknown scenario ${c.scenario}`]),
        ...level(c.min),
        ...level(c.max),
      ];
    case 'scenario-count':
      if (typeof c.among === 'string') return Object.hasOwn(sets, c.among) ? [] : [`unknown set ${c.among}`];
      if (Array.isArray(c.among))
        return c.among.flatMap((t) => [
          ...(scenarioIds.has(t.scenario) ? [] : [`unknown scenario ${t.scenario}`]),
          ...level(t.level),
        ]);
      return level(c.among.every);
  }
}

/** Every problem of a consistency file against a rubric. */
export function consistencyRulesIssues(data: unknown, rubric: WeightedRubric): ReviewDataIssue[] {
  return check(data, rubric).issues;
}

/** Validates consistency rules against a rubric; throws ReviewDataError listing every problem. */
export function parseConsistencyRules(
  data: unknown,
  rubric: WeightedRubric,
  file = 'consistency.json',
): ConsistencyRules {
  const { rules, issues } = check(data, rubric);
  if (!rules || issues.length) throwIssues(file, issues, ReviewDataError);
  return rules;
}
