/**
 * From a required-checklist rubric (晨星工厂) to the national rubric's roadmap: the items still missing
 * for the next checklist level, read through rubrics/<id>/mapping.json, become a Plan of national
 * scenario levels and items, so generateRoadmap can pick the industry guide's actions that serve them.
 *
 * The mapping is our reading of two unrelated documents, not an official concordance (mapping.notOfficial).
 * The checklist has no score, so item steps carry gain 0 and the plan's score gap is 0; every step is
 * "reachable" because nothing bounds it. Pure and deterministic: steps follow the national rubric's order.
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';
import { LocalizedText, type WeightedRubric } from '../rubric/schema';
import type { ChecklistRubric, ReadinessField } from '../rubric/checklist-schema';
import { type ChecklistEvaluation, checklistItems } from '../scoring/checklist';
import { allScenarios } from '../scoring/scenarios';
import { questionsOf } from '../scoring/score';
import { ZERO } from '../scoring/rational';
import { PlannerError, checkWith } from '../data-error';
import type { ItemStep, Plan, ScenarioStep } from './plan';

// ── schema ───────────────────────────────────────────────────────────────────────────────────────

const Id = IdSchema;
const QuestionId = v.pipe(v.string(), v.regex(/^q[0-9]+$/, 'question ids are q1, q2, …'));
const NationalLevel = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4));

export const ScenarioTarget = v.strictObject({ id: Id, level: NationalLevel });

/** National scenario levels and items; no scenario or question twice in one list. */
const targetFields = {
  scenarios: v.array(ScenarioTarget),
  questions: v.array(QuestionId),
};

export const Targets = v.strictObject(targetFields);

export const ItemMapping = v.strictObject({
  ...targetFields,
  /** Our doubt about the reading: shown to the user, never official text. */
  note: v.optional(LocalizedText),
});

/**
 * When a readiness rule applies. One field, one test:
 * - equals: a number field's value (e.g. 0), a boolean field's value (false) or a single field's option id;
 * - noneOf: a multi field answered with none of these option ids (an empty answer included).
 * An unanswered field, or one whose `onlyIf` question is not answered yes, never meets a condition.
 */
export const ReadinessCondition = v.union([
  v.strictObject({ field: Id, equals: v.union([v.number(), v.boolean(), Id]) }),
  v.strictObject({ field: Id, noneOf: v.pipe(v.array(Id), v.minLength(1)) }),
]);

export const ReadinessRule = v.strictObject({
  id: Id,
  when: ReadinessCondition,
  targets: Targets,
  /** Why the answer points at these targets: shown to the user. */
  text: LocalizedText,
});

const duplicates = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

export const ChecklistMapping = v.pipe(
  v.strictObject({
    $schema: v.optional(v.string()),
    /** The checklist rubric's id and the national rubric's id this mapping reads between. */
    rubric: Id,
    national: Id,
    /** Header shown with every use of the mapping: our reading, not an official correspondence. */
    notOfficial: LocalizedText,
    /** Checklist item id → its national targets. */
    items: v.record(Id, ItemMapping),
    readinessRules: v.array(ReadinessRule),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const m = dataset.value;
    const problem = (message: string, path: string) => addIssue({ message: `${path}: ${message}` });
    const checkTargets = (t: v.InferOutput<typeof Targets>, path: string) => {
      if (t.scenarios.length + t.questions.length === 0) problem('names no scenario and no question', path);
      for (const id of duplicates(t.scenarios.map((s) => s.id))) problem(`scenario ${id} twice`, `${path}.scenarios`);
      for (const id of duplicates(t.questions)) problem(`question ${id} twice`, `${path}.questions`);
    };
    for (const [id, item] of Object.entries(m.items)) checkTargets(item, `items.${id}`);
    m.readinessRules.forEach((r, i) => checkTargets(r.targets, `readinessRules.${i}.targets`));
    for (const id of duplicates(m.readinessRules.map((r) => r.id)))
      problem(`duplicate rule id ${id}`, 'readinessRules');
  }),
);

export type ScenarioTarget = v.InferOutput<typeof ScenarioTarget>;
export type Targets = v.InferOutput<typeof Targets>;
export type ItemMapping = v.InferOutput<typeof ItemMapping>;
export type ReadinessCondition = v.InferOutput<typeof ReadinessCondition>;
export type ReadinessRule = v.InferOutput<typeof ReadinessRule>;
export type ChecklistMapping = v.InferOutput<typeof ChecklistMapping>;

// ── validation against both rubrics ──────────────────────────────────────────────────────────────

export interface MappingIssue {
  path: string;
  message: string;
}

/** A condition that can hold for the field's kind and options; undefined when it fits. */
function conditionProblem(field: ReadinessField, when: ReadinessCondition): string | undefined {
  const options = new Set((field.options ?? []).map((o) => o.id));
  if ('noneOf' in when) {
    if (field.kind !== 'multi') return `noneOf needs a multi field, ${field.id} is ${field.kind}`;
    const unknown = when.noneOf.filter((o) => !options.has(o));
    return unknown.length ? `${field.id} has no option ${unknown.join(', ')}` : undefined;
  }
  const x = when.equals;
  if (field.kind === 'number') return typeof x === 'number' ? undefined : `${field.id} is a number field`;
  if (field.kind === 'boolean') return typeof x === 'boolean' ? undefined : `${field.id} is a boolean field`;
  if (field.kind === 'single')
    return typeof x === 'string' && options.has(x) ? undefined : `${field.id} has no option ${String(x)}`;
  return `equals does not apply to ${field.kind} field ${field.id}`;
}

/**
 * Cross-checks a parsed mapping: it names both rubrics, every checklist item is mapped and every mapped
 * id is an item of the checklist, every scenario and question exists in the national rubric, and every
 * readiness rule tests an existing field in a way its kind allows. Returns every problem, [] when sound.
 */
export function validateChecklistMapping(
  national: WeightedRubric,
  rubric: ChecklistRubric,
  mapping: ChecklistMapping,
): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  if (mapping.rubric !== rubric.id) problem('rubric', `mapping is for ${mapping.rubric}, not ${rubric.id}`);
  if (mapping.national !== national.id) problem('national', `mapping is for ${mapping.national}, not ${national.id}`);
  const itemIds = new Set(checklistItems(rubric).map((p) => p.item.id));
  const scenarioIds = new Set(allScenarios(national).map((s) => s.id));
  const questionIds = new Set(questionsOf(national).map((q) => q.id));
  const checkTargets = (t: Targets, path: string) => {
    t.scenarios.forEach((s, i) => {
      if (!scenarioIds.has(s.id)) problem(`${path}.scenarios.${i}.id`, `unknown national scenario ${s.id}`);
    });
    t.questions.forEach((q, i) => {
      if (!questionIds.has(q)) problem(`${path}.questions.${i}`, `unknown national question ${q}`);
    });
  };
  for (const [id, item] of Object.entries(mapping.items)) {
    if (!itemIds.has(id)) problem(`items.${id}`, `no item ${id} in ${rubric.id}`);
    checkTargets(item, `items.${id}`);
  }
  for (const id of itemIds) if (!Object.hasOwn(mapping.items, id)) problem(`items.${id}`, `item ${id} is not mapped`);
  const fields = new Map(rubric.readiness.fields.map((f) => [f.id, f]));
  mapping.readinessRules.forEach((r, i) => {
    const path = `readinessRules.${i}`;
    const field = fields.get(r.when.field);
    if (!field) problem(`${path}.when.field`, `no readiness field ${r.when.field} in ${rubric.id}`);
    else {
      const p = conditionProblem(field, r.when);
      if (p) problem(`${path}.when`, p);
    }
    checkTargets(r.targets, `${path}.targets`);
  });
  return issues;
}

export type MappingParseResult = { ok: true; mapping: ChecklistMapping } | { ok: false; issues: MappingIssue[] };

/** Schema validation and validateChecklistMapping in one: every problem with its path. */
export function parseChecklistMapping(
  data: unknown,
  national: WeightedRubric,
  rubric: ChecklistRubric,
): MappingParseResult {
  const checked = checkWith(ChecklistMapping, data, (m) => validateChecklistMapping(national, rubric, m));
  return checked.ok ? { ok: true, mapping: checked.value } : checked;
}

// ── readiness rules ──────────────────────────────────────────────────────────────────────────────

/** Whether the rule's condition holds for these readiness answers (see ReadinessCondition). */
export function readinessRuleHolds(
  rubric: ChecklistRubric,
  rule: ReadinessRule,
  readiness: Readonly<Record<string, unknown>>,
): boolean {
  const field = rubric.readiness.fields.find((f) => f.id === rule.when.field);
  if (!field) throw new PlannerError(`readiness rule ${rule.id}: no field ${rule.when.field} in ${rubric.id}`);
  if (field.onlyIf !== undefined && readiness[field.onlyIf] !== true) return false;
  if (!Object.hasOwn(readiness, field.id)) return false;
  const value = readiness[field.id];
  if ('noneOf' in rule.when) {
    const none = rule.when.noneOf;
    return Array.isArray(value) && value.every((x) => !none.includes(x as string));
  }
  return value === rule.when.equals;
}

/** The readiness rules whose condition holds, in mapping order. */
export function triggeredReadinessRules(
  rubric: ChecklistRubric,
  mapping: ChecklistMapping,
  readiness: Readonly<Record<string, unknown>> = {},
): ReadinessRule[] {
  return mapping.readinessRules.filter((r) => readinessRuleHolds(rubric, r, readiness));
}

// ── plans ────────────────────────────────────────────────────────────────────────────────────────

/** Current national scenario levels: scenario id → 0…4; absent = 0. */
export type NationalLevels = Readonly<Record<string, number>>;

function levelOf(levels: NationalLevels, id: string): number {
  const l = Object.hasOwn(levels, id) ? levels[id]! : 0;
  if (!Number.isInteger(l) || l < 0 || l > 4) throw new PlannerError(`national level of ${id} must be 0…4, got ${l}`);
  return l;
}

function mappingOf(mapping: ChecklistMapping, id: string): ItemMapping {
  if (!Object.hasOwn(mapping.items, id)) throw new PlannerError(`checklist item ${id} has no mapping`);
  return mapping.items[id]!;
}

const missingItems = (evaluation: ChecklistEvaluation) => evaluation.missingForNext.flatMap((g) => g.items);

/**
 * The national steps behind the checklist's next level (the top level when it is reached): every
 * scenario a missing item (or a triggered readiness rule) maps to, at the highest level any of them asks,
 * where the current national level is below it; and every mapped question once.
 */
export function checklistPlan(
  national: WeightedRubric,
  rubric: ChecklistRubric,
  mapping: ChecklistMapping,
  evaluation: ChecklistEvaluation,
  nationalLevels: NationalLevels = {},
  readiness?: Readonly<Record<string, unknown>>,
): Plan {
  const targets: Targets[] = [
    ...missingItems(evaluation).map((id) => mappingOf(mapping, id)),
    ...(readiness ? triggeredReadinessRules(rubric, mapping, readiness).map((r) => r.targets) : []),
  ];
  const wanted = new Map<string, number>();
  const questions = new Set<string>();
  for (const t of targets) {
    for (const s of t.scenarios) wanted.set(s.id, Math.max(wanted.get(s.id) ?? 0, s.level));
    for (const q of t.questions) questions.add(q);
  }
  const scenarios = allScenarios(national);
  const known = new Set(scenarios.map((s) => s.id));
  for (const id of wanted.keys()) if (!known.has(id)) throw new PlannerError(`unknown national scenario ${id}`);
  const questionOrder = questionsOf(national).map((q) => q.id);
  for (const id of questions)
    if (!questionOrder.includes(id)) throw new PlannerError(`unknown national question ${id}`);

  const scenarioSteps: ScenarioStep[] = scenarios.flatMap((s): ScenarioStep[] => {
    const to = wanted.get(s.id);
    const from = levelOf(nationalLevels, s.id);
    if (to === undefined || from >= to) return [];
    const levelsToTick = Array.from({ length: to - from }, (_, i) => from + 1 + i);
    return [{ id: s.id, constraint: s.constraint, from, to, levelsToTick, cost: to - from, reason: 'count' }];
  });
  const itemSteps: ItemStep[] = questionOrder
    .filter((id) => questions.has(id))
    .map((id) => ({ id, kind: 'add-options', count: 1, gain: ZERO, cost: 1 }));
  return {
    target: evaluation.nextLevel ?? rubric.levels.length,
    reachable: true,
    cost: [...scenarioSteps, ...itemSteps].reduce((c, s) => c + s.cost, 0),
    scoreGap: ZERO,
    scoreGain: ZERO,
    scenarioSteps,
    itemSteps,
  };
}

export interface MissingItemTargets {
  item: string;
  category: string;
  /** Each mapped scenario level, with the current national level; met = already there, no step. */
  scenarios: { id: string; level: number; current: number; met: boolean }[];
  questions: string[];
  note?: LocalizedText;
}

/** Per item missing for the next level, in rubric order: the national targets it maps to ("this item → these actions"). */
export function missingItemTargets(
  mapping: ChecklistMapping,
  evaluation: ChecklistEvaluation,
  nationalLevels: NationalLevels = {},
): MissingItemTargets[] {
  return evaluation.missingForNext.flatMap(({ category, items }) =>
    items.map((item): MissingItemTargets => {
      const m = mappingOf(mapping, item);
      return {
        item,
        category,
        scenarios: m.scenarios.map((s) => {
          const current = levelOf(nationalLevels, s.id);
          return { id: s.id, level: s.level, current, met: current >= s.level };
        }),
        questions: [...m.questions],
        ...(m.note ? { note: m.note } : {}),
      };
    }),
  );
}
