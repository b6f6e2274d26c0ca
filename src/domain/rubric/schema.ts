/**
 * Validation schema of a rubric file (rubrics/<id>/rubric.json).
 *
 * The rubric data is the single source of truth for every official rule: weights, options, scenario
 * levels, level thresholds. The engine reads numbers only from here, so a second edition or region is a
 * new data folder rather than new code.
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';

/** Every human-readable string exists in both languages; zh-CN is verbatim from the seed. */
export const LocalizedText = v.strictObject({
  'zh-CN': v.pipe(v.string(), v.minLength(1)),
  en: v.pipe(v.string(), v.minLength(1)),
});

const Id = IdSchema;
const Percent = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

/** A number the enterprise types in, which the seed prints as a blank ([    ]) beside the options. */
export const NumericField = v.strictObject({
  id: Id,
  label: LocalizedText,
  unit: v.optional(LocalizedText),
  /** false when the seed does not print this blank but the helper needs it (e.g. revenue for q11). */
  inSeed: v.boolean(),
  /** Take the value of another question's field instead of asking twice ("q14.revenueLastYear"). */
  sameAs: v.optional(v.string()),
});

/**
 * How the app derives an option from the numeric fields. Only a suggestion: the user may override it.
 * - ratio-bucket: numerator / denominator × 100 in %, option i covers (upperBounds[i-1], upperBounds[i]].
 * - per-revenue-trend: (value / revenue) this year vs last year, mapped to the option labelled
 *   increase / flat / decrease.
 * - value-trend: plain comparison of two values (pass rate, revenue per employee).
 */
export const Derivation = v.variant('kind', [
  v.strictObject({
    kind: v.literal('ratio-bucket'),
    numerator: v.string(),
    denominator: v.string(),
    upperBounds: v.array(v.number()),
  }),
  v.strictObject({
    kind: v.literal('per-revenue-trend'),
    valueLastYear: v.string(),
    valueYearBefore: v.string(),
    revenueLastYear: v.string(),
    revenueYearBefore: v.string(),
    /** option index for increase, flat, decrease */
    options: v.strictObject({ increase: v.number(), flat: v.number(), decrease: v.number() }),
  }),
  v.strictObject({
    kind: v.literal('value-trend'),
    /** after/now; before/then. A ratio when the *Per fields are given (revenue per employee). */
    after: v.string(),
    before: v.string(),
    afterPer: v.optional(v.string()),
    beforePer: v.optional(v.string()),
    options: v.strictObject({ increase: v.number(), flat: v.number(), decrease: v.number() }),
  }),
]);

export const Question = v.strictObject({
  /** q1…q15: the official item number (序号). */
  id: v.pipe(v.string(), v.regex(/^q[0-9]+$/)),
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** 采集项 name and its weight within the secondary indicator, in %. */
  collectionItem: LocalizedText,
  weight: Percent,
  /** The points printed in the seed's 分值 column, checked against the product of the weights. */
  points: v.number(),
  text: LocalizedText,
  /**
   * Our one-line plain question, shown first; the official text, the definitions and the notes are folded
   * under it. Our wording, never official text (like `notes`).
   */
  plain: v.optional(LocalizedText),
  type: v.picklist(['single', 'multiple']),
  options: v.pipe(v.array(v.strictObject({ text: LocalizedText })), v.minLength(2)),
  /** Index of the 「无」 option; multiple choice always has it at 0 (spec). */
  noneOption: v.optional(v.number()),
  numericFields: v.optional(v.array(NumericField)),
  /** The seed's own line for the blanks, verbatim (具体数据[    ]…). */
  numericPrompt: v.optional(LocalizedText),
  derivation: v.optional(Derivation),
  /** Definitions of attachment 3 used by this question (ids). */
  terms: v.optional(v.array(Id)),
  /** Our notes on how the seed is read here: shown to the user, never official text. */
  notes: v.optional(v.array(LocalizedText)),
});

export const Secondary = v.strictObject({
  id: Id,
  name: LocalizedText,
  weight: Percent,
  points: v.number(),
  questions: v.pipe(v.array(Question), v.minLength(1)),
});

export const Dimension = v.strictObject({
  id: Id,
  name: LocalizedText,
  weight: Percent,
  points: v.number(),
  secondaries: v.pipe(v.array(Secondary), v.minLength(1)),
});

export const Scenario = v.strictObject({
  id: Id,
  name: LocalizedText,
  constraint: v.boolean(),
  /** Level 1…4 descriptions, verbatim. */
  levels: v.pipe(v.array(LocalizedText), v.length(4)),
});

export const ScenarioGroup = v.strictObject({
  id: Id,
  name: LocalizedText,
  scenarios: v.pipe(v.array(Scenario), v.minLength(1)),
});

export const LevelRule = v.strictObject({
  level: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: LocalizedText,
  /** 初始级, 规范级 … from article 5. */
  title: LocalizedText,
  minScore: v.number(),
  minScenarios: v.pipe(v.number(), v.integer()),
  minConstraintScenarios: v.pipe(v.number(), v.integer()),
  /** The clause of article 6, verbatim. */
  text: LocalizedText,
});

export const Definition = v.strictObject({
  id: Id,
  term: LocalizedText,
  text: LocalizedText,
  /** Questions and scenarios that use this term. */
  usedBy: v.array(v.string()),
});

export const EnergyCoefficient = v.strictObject({
  id: Id,
  name: LocalizedText,
  unit: LocalizedText,
  /** Tonnes of standard coal per unit, as printed (decimal). */
  coefficient: v.number(),
  coefficientText: LocalizedText,
});

export const Interpretation = v.strictObject({
  id: Id,
  appliesTo: v.array(v.string()),
  text: LocalizedText,
});

export const WeightedRubric = v.strictObject({
  $schema: v.optional(v.string()),
  id: Id,
  model: v.literal('weighted-scenarios'),
  edition: v.string(),
  title: LocalizedText,
  source: v.strictObject({
    seed: v.string(),
    title: LocalizedText,
    attachments: v.array(LocalizedText),
  }),
  /** Verbatim 评分逻辑 of attachment 1. */
  scoringText: v.array(LocalizedText),
  dimensions: v.pipe(v.array(Dimension), v.minLength(1)),
  /** The header row of attachment 2: what each level means in general. */
  generalLevels: v.pipe(v.array(LocalizedText), v.length(4)),
  scenarioGroups: v.pipe(v.array(ScenarioGroup), v.minLength(1)),
  /** Remarks of attachment 2 (constraint mark, gating), verbatim. */
  scenarioRemarks: v.array(LocalizedText),
  levelRules: v.pipe(v.array(LevelRule), v.minLength(1)),
  /** Name of "below level 1". */
  belowLevelOne: LocalizedText,
  definitions: v.array(Definition),
  energyCoefficients: v.array(EnergyCoefficient),
  energyNote: v.array(LocalizedText),
  interpretations: v.array(Interpretation),
});

export type LocalizedText = v.InferOutput<typeof LocalizedText>;
export type NumericField = v.InferOutput<typeof NumericField>;
export type Derivation = v.InferOutput<typeof Derivation>;
export type Question = v.InferOutput<typeof Question>;
export type Secondary = v.InferOutput<typeof Secondary>;
export type Dimension = v.InferOutput<typeof Dimension>;
export type Scenario = v.InferOutput<typeof Scenario>;
export type ScenarioGroup = v.InferOutput<typeof ScenarioGroup>;
export type LevelRule = v.InferOutput<typeof LevelRule>;
export type Definition = v.InferOutput<typeof Definition>;
export type EnergyCoefficient = v.InferOutput<typeof EnergyCoefficient>;
export type WeightedRubric = v.InferOutput<typeof WeightedRubric>;
