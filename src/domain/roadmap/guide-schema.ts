/**
 * Schema of an industry guide (rubrics/guides/<industry>.json): roadmap content condensed from the
 * official guides in the seeds. Every action cites the seed file and the section heading it rests on,
 * so a reader can check each step against its source.
 */
import * as v from 'valibot';
import { ID_PATTERN } from '../ids';
import { LocalizedText } from '../rubric/schema';

import { CANONICAL_STAGES, INDUSTRIES, SIZES, VALUE_TAGS, SYSTEMS } from '../vocabulary';

export { CANONICAL_STAGES, INDUSTRIES, SIZES, VALUE_TAGS, SYSTEMS };

export const Citation = v.strictObject({
  /** Seed file name, e.g. "000_643d5da1635969b5.txt". */
  seed: v.pipe(v.string(), v.regex(/^00[0-4]_[0-9a-f]{16}\.txt$/)),
  /** The section heading line as it stands in the seed (a test checks it occurs there). */
  heading: v.pipe(v.string(), v.minLength(2)),
  /** For seeds holding several industries (001): the industry part's title line, verbatim. */
  part: v.optional(v.string()),
  /** The short passage the item rests on: zh verbatim from the seed, en translated. */
  passage: LocalizedText,
});

const Id = v.pipe(v.string(), v.regex(ID_PATTERN));

export const Stage = v.strictObject({
  id: Id,
  /** The industry guide's own stage name (e.g. 单点突破). */
  name: LocalizedText,
  /** The canonical stage(s) this one maps onto. */
  canonical: v.pipe(v.array(v.picklist(CANONICAL_STAGES)), v.minLength(1)),
  reason: LocalizedText,
  citation: Citation,
});

export const Action = v.strictObject({
  id: Id,
  stage: v.picklist(CANONICAL_STAGES),
  title: LocalizedText,
  description: LocalizedText,
  systems: v.array(v.picklist(SYSTEMS)),
  /**
   * Rubric items (q1, q2, …) and scenarios (id + the level this action helps reach) it advances; which ids
   * exist is the rubric's to say (guideIssues), not the schema's.
   */
  advances: v.strictObject({
    questions: v.array(v.pipe(v.string(), v.regex(/^q[1-9][0-9]*$/, 'question ids are q1, q2, …'))),
    scenarios: v.array(
      v.strictObject({ id: v.string(), level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4)) }),
    ),
  }),
  valueTags: v.pipe(v.array(v.picklist(VALUE_TAGS)), v.minLength(1)),
  prerequisites: v.array(Id),
  /**
   * The guide's own stage (stages[].id) the action belongs to, where its canonical stage maps onto more
   * than one of them; otherwise the first guide stage mapping its canonical one. The seed's order wins.
   */
  phase: v.optional(Id),
  /** Organisation, talent, funding, security: the 保障措施 of the guides. */
  enabling: v.boolean(),
  citation: Citation,
});

/**
 * Kinds of outside help the 保障措施 sections name (diagnosis, solutions, platforms, policy and funding,
 * training, benchmark enterprises): our grouping of the seed's measures, shown with a label saying so.
 */
export const SUPPORT_KINDS = ['diagnosis', 'solutions', 'platform', 'policy', 'training', 'benchmark'] as const;

/**
 * One measure of the seed's 保障措施 (government, industry body or service provider) an enterprise can turn to:
 * "where to get help". The title is our short name for it; the passage is the seed's text, verbatim.
 */
export const Support = v.strictObject({
  kind: v.picklist(SUPPORT_KINDS),
  title: LocalizedText,
  citation: Citation,
});

export const Guide = v.strictObject({
  industry: v.picklist(INDUSTRIES),
  name: LocalizedText,
  sources: v.array(v.strictObject({ seed: v.string(), title: LocalizedText })),
  needs: v.pipe(
    v.array(v.strictObject({ title: LocalizedText, text: LocalizedText, citation: Citation })),
    v.minLength(1),
  ),
  architectureLayers: v.pipe(
    v.array(v.strictObject({ name: LocalizedText, text: LocalizedText, citation: Citation })),
    v.minLength(1),
  ),
  typicalScenarios: v.pipe(
    v.array(
      v.strictObject({ name: LocalizedText, text: LocalizedText, scenarios: v.array(v.string()), citation: Citation }),
    ),
    v.minLength(1),
  ),
  stages: v.pipe(v.array(Stage), v.minLength(1)),
  actions: v.pipe(v.array(Action), v.minLength(5)),
  /** Outside help from the seed's 保障措施, for the guides whose seed has such a section. */
  support: v.optional(v.pipe(v.array(Support), v.minLength(1))),
});

export type Citation = v.InferOutput<typeof Citation>;
export type Stage = v.InferOutput<typeof Stage>;
export type Action = v.InferOutput<typeof Action>;
export type Guide = v.InferOutput<typeof Guide>;
export type Support = v.InferOutput<typeof Support>;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type CanonicalStage = (typeof CANONICAL_STAGES)[number];
