/**
 * Validation schema of a "required-checklist" rubric (rubrics/<id>/rubric.json with "model": "required-checklist").
 *
 * Unlike the weighted model there are no points: each second-level item carries the ★ marks printed in the
 * seed's level columns, and a level is reached when every item required at or below it is met. The stars
 * are stored exactly as counted in the seed; `requiredFrom` is our reading of them (cumulative marks: n stars
 * = required from level L + 1 − n up to L, where L is the number of levels), cross-checked here.
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';
import { crossChecked, type DataIssue } from '../data-error';
import { LocalizedText } from './schema';

const Id = IdSchema;
const LevelNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));

export const ChecklistLevel = v.strictObject({
  level: LevelNumber,
  /** The column head, verbatim (「1 级」…). */
  name: LocalizedText,
  title: v.optional(LocalizedText),
});

export const ChecklistItem = v.strictObject({
  id: Id,
  /** The second-level indicator (二级指标), verbatim. Absent only where the seed leaves the cell empty. */
  name: v.optional(LocalizedText),
  /** Our label for an item whose name cell is empty in the seed: never official text. */
  nameSupplied: v.optional(LocalizedText),
  /** 评价要素说明, verbatim and whole. */
  explanation: LocalizedText,
  /** The numbered requirements (1、2、…) of the explanation, listed separately; the item stays one item. */
  parts: v.optional(v.pipe(v.array(LocalizedText), v.minLength(2))),
  /** Number of ★ printed in the row. */
  stars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
  /** The level from which the item is required (our reading of the stars); null = optional. */
  requiredFrom: v.nullable(LevelNumber),
  /** Our doubt about how the row is read: shown to the user, never official text. */
  note: v.optional(LocalizedText),
  /**
   * Our one-line plain question, shown first (as the national rubric's `plain`); the official name and
   * explanation are folded under 原文与解释. Never official text, never a copy of it.
   */
  plain: v.optional(LocalizedText),
});

export const ChecklistIndicator = v.strictObject({
  id: Id,
  /** The first-level indicator (一级指标), verbatim. */
  name: LocalizedText,
  items: v.pipe(v.array(ChecklistItem), v.minLength(1)),
});

export const ChecklistCategory = v.strictObject({
  id: Id,
  /** 分类, verbatim. */
  name: LocalizedText,
  indicators: v.pipe(v.array(ChecklistIndicator), v.minLength(1)),
});

export const ReadinessOption = v.strictObject({
  id: Id,
  label: LocalizedText,
  /** 「其它：____」: the option comes with a blank to write in. */
  freeText: v.optional(v.boolean()),
});

export const ReadinessField = v.strictObject({
  id: Id,
  /** Id of the group (the row head of the form) the field belongs to. */
  group: Id,
  label: LocalizedText,
  kind: v.picklist(['number', 'boolean', 'multi', 'single', 'text']),
  options: v.optional(v.pipe(v.array(ReadinessOption), v.minLength(2))),
  /** The form's own instruction printed in the answer cell, verbatim. */
  hint: v.optional(LocalizedText),
  /** 「如是…」: asked only when this boolean field is answered yes. */
  onlyIf: v.optional(Id),
});

export const ReadinessForm = v.strictObject({
  /** The section head of the form, verbatim. */
  title: LocalizedText,
  groups: v.pipe(v.array(v.strictObject({ id: Id, label: LocalizedText })), v.minLength(1)),
  fields: v.pipe(v.array(ReadinessField), v.minLength(1)),
});

export const ChecklistInterpretation = v.strictObject({
  id: Id,
  /** Item, indicator or category ids, or 'levels' / 'readiness'. */
  appliesTo: v.pipe(v.array(v.string()), v.minLength(1)),
  text: LocalizedText,
});

const squash = (s: string) => s.replace(/\s+/g, '');

const ChecklistRubricShape = v.strictObject({
  $schema: v.optional(v.string()),
  id: Id,
  model: v.literal('required-checklist'),
  edition: v.string(),
  title: LocalizedText,
  source: v.strictObject({
    seed: v.string(),
    title: LocalizedText,
    attachments: v.array(LocalizedText),
  }),
  levels: v.pipe(v.array(ChecklistLevel), v.minLength(1), v.maxLength(5)),
  categories: v.pipe(v.array(ChecklistCategory), v.minLength(1)),
  /** Our statement of how the level is computed: the seed only says 「“★”为必做项」. */
  levelRule: LocalizedText,
  /** The data-readiness part of the application form; informational, not scored. */
  readiness: ReadinessForm,
  interpretations: v.array(ChecklistInterpretation),
});

/**
 * The checks the schema cannot express (levels in order, ids unique, stars against requiredFrom, parts quoted
 * from the explanation, readiness and interpretation references): every problem with its path, like the
 * weighted model's crossCheck in load.ts.
 */
export function checklistCrossCheck(r: v.InferOutput<typeof ChecklistRubricShape>): DataIssue[] {
  const out: DataIssue[] = [];
  const problem = (message: string, path: string) => out.push({ path, message });
  const top = r.levels.length;
  r.levels.forEach((l, i) => {
    if (l.level !== i + 1) problem(`must be ${i + 1}`, `levels.${i}.level`);
  });
  const ids = new Set<string>();
  const claim = (id: string, path: string) => {
    if (ids.has(id)) problem(`duplicate id ${id}`, path);
    ids.add(id);
  };
  r.categories.forEach((c, ci) => {
    claim(c.id, `categories.${ci}.id`);
    c.indicators.forEach((ind, ii) => {
      claim(ind.id, `categories.${ci}.indicators.${ii}.id`);
      ind.items.forEach((it, ti) => {
        const p = `categories.${ci}.indicators.${ii}.items.${ti}`;
        claim(it.id, `${p}.id`);
        if (!it.name === !it.nameSupplied) problem('needs exactly one of name and nameSupplied', p);
        if (it.stars > top) problem(`more stars than levels (${top})`, `${p}.stars`);
        const expected = it.stars === 0 ? null : top + 1 - it.stars;
        if (it.requiredFrom !== expected)
          problem(`${it.stars} stars read cumulatively give ${expected}`, `${p}.requiredFrom`);
        // the plain question is ours: one line, and never a copy of the official name or explanation
        for (const lang of ['zh-CN', 'en'] as const) {
          const plain = it.plain?.[lang];
          if (plain === undefined) continue;
          if (/\n/.test(plain)) problem('must be one line', `${p}.plain.${lang}`);
          const official = [it.explanation[lang], it.name?.[lang]].map((x) => x?.trim());
          if (official.includes(plain.trim()))
            problem('repeats the official text; write it in plain words', `${p}.plain.${lang}`);
        }
        const whole = squash(it.explanation['zh-CN']);
        (it.parts ?? []).forEach((part, pi) => {
          if (!whole.includes(squash(part['zh-CN']))) problem('not part of the explanation', `${p}.parts.${pi}`);
        });
      });
    });
  });
  const groups = new Set(r.readiness.groups.map((g) => g.id));
  const fields = new Map(r.readiness.fields.map((f) => [f.id, f]));
  if (fields.size !== r.readiness.fields.length) problem('duplicate field id', 'readiness.fields');
  r.readiness.fields.forEach((f, fi) => {
    const p = `readiness.fields.${fi}`;
    if (!groups.has(f.group)) problem(`unknown group ${f.group}`, `${p}.group`);
    const choice = f.kind === 'multi' || f.kind === 'single';
    if (choice !== !!f.options) problem(`options are for multi and single fields only`, `${p}.options`);
    if (f.onlyIf !== undefined && fields.get(f.onlyIf)?.kind !== 'boolean')
      problem(`onlyIf must name a boolean field`, `${p}.onlyIf`);
  });
  const interpretationIds = new Set<string>();
  r.interpretations.forEach((it, i) => {
    if (interpretationIds.has(it.id)) problem(`duplicate id ${it.id}`, `interpretations.${i}.id`);
    interpretationIds.add(it.id);
    it.appliesTo.forEach((ref, j) => {
      if (!ids.has(ref) && ref !== 'levels' && ref !== 'readiness')
        problem(`unknown reference ${ref}`, `interpretations.${i}.appliesTo.${j}`);
    });
  });
  return out;
}

/** The schema with its cross-checks as a step (issues read "path: problem"): for the JSON Schema and its tests. */
export const ChecklistRubric = v.pipe(ChecklistRubricShape, crossChecked(checklistCrossCheck));

/** For checkWith: the shape alone, the cross-checks given separately so each issue keeps its path. */
export { ChecklistRubricShape };

export type ChecklistLevel = v.InferOutput<typeof ChecklistLevel>;
export type ChecklistItem = v.InferOutput<typeof ChecklistItem>;
export type ChecklistIndicator = v.InferOutput<typeof ChecklistIndicator>;
export type ChecklistCategory = v.InferOutput<typeof ChecklistCategory>;
export type ReadinessOption = v.InferOutput<typeof ReadinessOption>;
export type ReadinessField = v.InferOutput<typeof ReadinessField>;
export type ReadinessForm = v.InferOutput<typeof ReadinessForm>;
export type ChecklistInterpretation = v.InferOutput<typeof ChecklistInterpretation>;
export type ChecklistRubric = v.InferOutput<typeof ChecklistRubric>;
