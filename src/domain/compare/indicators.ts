/**
 * The effect indicators of transformation (成效评估) as data: rubrics/effect-indicators.json, validated
 * here once at load. Seed 004 (制造业企业数字化转型实施指南, 二、（三）开展成效评估) names them but does not
 * define them, so every definition is ours and marked so (`definedBy: "ours"`); a definition quoted from a
 * seed would say `"seed"` (a test checks such a quote occurs in the seed).
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';
import { IndicatorDataError, parseWith } from '../data-error';
import data from '../../../rubrics/effect-indicators.json';
import { LocalizedText } from '../rubric/schema';

const Id = IdSchema;
const Seed = v.pipe(v.string(), v.regex(/^00[0-4]_[0-9a-f]{16}\.txt$/));

export const IndicatorCitation = v.strictObject({
  seed: Seed,
  /** The section heading line as it stands in the seed. */
  heading: v.pipe(v.string(), v.minLength(2)),
});

export const EffectIndicator = v.pipe(
  v.strictObject({
    id: Id,
    /** zh-CN verbatim from the seed's list of indicators. */
    name: LocalizedText,
    unit: LocalizedText,
    /** One line: how the value is computed. */
    definition: LocalizedText,
    /** "seed": the zh definition is quoted from the cited seed; "ours": this tool's definition. */
    definedBy: v.picklist(['seed', 'ours']),
    /** Which way is an improvement. */
    better: v.picklist(['higher', 'lower']),
    /** Values outside [min, max] are rejected on entry and on import. */
    min: v.optional(v.number()),
    max: v.optional(v.number()),
    citation: IndicatorCitation,
  }),
  v.check((i) => i.min === undefined || i.max === undefined || i.min < i.max, 'min must be below max'),
);

export const EffectIndicators = v.pipe(
  v.strictObject({
    /** The seed passage that lists the indicators. */
    source: v.strictObject({ seed: Seed, heading: v.pipe(v.string(), v.minLength(2)), passage: LocalizedText }),
    indicators: v.pipe(v.array(EffectIndicator), v.minLength(1)),
  }),
  v.check((d) => new Set(d.indicators.map((i) => i.id)).size === d.indicators.length, 'indicator ids must be unique'),
);

export type EffectIndicator = v.InferOutput<typeof EffectIndicator>;
export type EffectIndicators = v.InferOutput<typeof EffectIndicators>;

export { IndicatorDataError };

/** Validates effect-indicator data; throws naming the file, the path and the problem. */
export function parseEffectIndicators(raw: unknown): EffectIndicators {
  return parseWith(EffectIndicators, raw, 'rubrics/effect-indicators.json', { error: IndicatorDataError });
}

/** The bundled indicators (validated when this module loads: bad data fails every test at once). */
export const EFFECT_INDICATORS: EffectIndicators = parseEffectIndicators(data);

export const indicatorById = (id: string): EffectIndicator | undefined =>
  EFFECT_INDICATORS.indicators.find((i) => i.id === id);

/** Why a value cannot be stored for this indicator, or undefined when it can. */
export function indicatorValueProblem(
  indicator: EffectIndicator,
  value: number,
): 'not-a-number' | 'below-min' | 'above-max' | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-a-number';
  if (indicator.min !== undefined && value < indicator.min) return 'below-min';
  if (indicator.max !== undefined && value > indicator.max) return 'above-max';
  return undefined;
}
