/**
 * Progress over time: what changed between two assessments of one enterprise, and the series of
 * scores and levels across all of them. Pure data: score deltas are exact rationals, sentences are
 * the UI's business.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { AssessmentFile } from '../assessment/file';
import { CompareError } from '../data-error';
import type { Evaluation } from '../scoring/evaluate';
import { EXTENSION_KEY } from '../assessment/extension';
import { type Rational, cmp, sub, sum } from '../scoring/rational';
import { EFFECT_INDICATORS, type EffectIndicator } from './indicators';
import { assessmentYear, chronological, seriesOf, type TrendEntry } from './chronology';

export interface Side {
  file: AssessmentFile;
  evaluation: Evaluation;
}

export interface ScoreDelta {
  id: string;
  before: Rational;
  after: Rational;
  /** after − before, exact. */
  delta: Rational;
  max: Rational;
}

export interface ItemDelta extends ScoreDelta {
  dimension: string;
  secondary: string;
  answeredBefore: boolean;
  answeredAfter: boolean;
}

export interface ScenarioChange {
  id: string;
  constraint: boolean;
  before: number;
  after: number;
  /** after − before (levels). */
  delta: number;
}

export interface StepCompletion {
  /** Roadmap action id (digilevel.roadmap key). */
  id: string;
  quarter?: string;
  note?: string;
}

export type ResultTrend = 'better' | 'worse' | 'same';

export interface ResultDelta {
  id: string;
  better: EffectIndicator['better'];
  before?: number;
  after?: number;
  /** after − before, rounded to 10 decimals so 12.3 − 10.1 reads 2.2; only when both are entered. */
  delta?: number;
  trend?: ResultTrend;
}

export interface Comparison {
  rubric: string;
  total: ScoreDelta;
  dimensions: ScoreDelta[];
  secondaries: (ScoreDelta & { dimension: string })[];
  items: ItemDelta[];
  /** Every scenario in rubric order with both levels. */
  scenarios: ScenarioChange[];
  rose: ScenarioChange[];
  fell: ScenarioChange[];
  level: { before: number; after: number; delta: number };
  /** Roadmap steps marked done in `after` that were not done in `before`, by action id. */
  stepsCompleted: StepCompletion[];
  /** Roadmap steps done in `before` but no longer done in `after`. */
  stepsReopened: string[];
  /** Every effect indicator in data order (values absent where not entered). */
  results: ResultDelta[];
}

export { CompareError };

function scoreDelta(id: string, before: { points: Rational; max: Rational }, after: { points: Rational }): ScoreDelta {
  return { id, before: before.points, after: after.points, delta: sub(after.points, before.points), max: before.max };
}

/** a − b without binary noise (12.3 − 10.1 = 2.2); inputs are finite user-entered values. */
export function decimalDelta(after: number, before: number): number {
  const d = after - before;
  return Number.isFinite(d) ? Number(d.toFixed(10)) : d;
}

/**
 * The change from `before` to `after` (both evaluated with `rubric`). The caller decides which is
 * earlier (see `chronological`); nothing here depends on dates.
 */
export function compareAssessments(rubric: WeightedRubric, before: Side, after: Side): Comparison {
  for (const [name, side] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (side.file.rubric !== rubric.id || side.evaluation.rubric !== rubric.id)
      throw new CompareError(`${name}: rubric "${side.file.rubric}" is not "${rubric.id}"`);
  }
  const b = before.evaluation.score;
  const a = after.evaluation.score;

  const dimensions = rubric.dimensions.map((d, i) => scoreDelta(d.id, b.dimensions[i]!, a.dimensions[i]!));
  const secondaries = b.secondaries.map((s, i) => ({
    ...scoreDelta(s.id, s, a.secondaries[i]!),
    dimension: s.dimension,
  }));
  const secondaryOf = new Map(
    rubric.dimensions.flatMap((d) =>
      d.secondaries.flatMap((s) => s.questions.map((q) => [q.id, [d.id, s.id]] as const)),
    ),
  );
  const items = b.items.map((item, i): ItemDelta => {
    const other = a.items[i]!;
    const [dimension, secondary] = secondaryOf.get(item.id)!;
    return {
      ...scoreDelta(item.id, item, other),
      dimension,
      secondary,
      answeredBefore: item.answered,
      answeredAfter: other.answered,
    };
  });

  const scenarios = before.evaluation.scenarios.map((s, i): ScenarioChange => {
    const after_ = after.evaluation.scenarios[i]!;
    return { id: s.id, constraint: s.constraint, before: s.level, after: after_.level, delta: after_.level - s.level };
  });

  const roadmapBefore = before.file[EXTENSION_KEY]?.roadmap ?? {};
  const roadmapAfter = after.file[EXTENSION_KEY]?.roadmap ?? {};
  const done = (r: typeof roadmapBefore, id: string) => Object.hasOwn(r, id) && r[id]?.status === 'done';
  const stepsCompleted = Object.keys(roadmapAfter)
    .filter((id) => done(roadmapAfter, id) && !done(roadmapBefore, id))
    .sort()
    .map((id): StepCompletion => {
      const st = roadmapAfter[id]!;
      return { id, ...(st.quarter ? { quarter: st.quarter } : {}), ...(st.note ? { note: st.note } : {}) };
    });
  const stepsReopened = Object.keys(roadmapBefore)
    .filter((id) => done(roadmapBefore, id) && !done(roadmapAfter, id))
    .sort();

  const resultsBefore = before.file[EXTENSION_KEY]?.results ?? {};
  const resultsAfter = after.file[EXTENSION_KEY]?.results ?? {};
  const value = (r: Record<string, number>, id: string) => (Object.hasOwn(r, id) ? r[id] : undefined);
  const results = EFFECT_INDICATORS.indicators.map((ind): ResultDelta => {
    const x = value(resultsBefore, ind.id);
    const y = value(resultsAfter, ind.id);
    const out: ResultDelta = { id: ind.id, better: ind.better };
    if (x !== undefined) out.before = x;
    if (y !== undefined) out.after = y;
    if (x !== undefined && y !== undefined) {
      out.delta = decimalDelta(y, x);
      out.trend = out.delta === 0 ? 'same' : out.delta > 0 === (ind.better === 'higher') ? 'better' : 'worse';
    }
    return out;
  });

  return {
    rubric: rubric.id,
    total: {
      id: 'total',
      before: b.total,
      after: a.total,
      delta: sub(a.total, b.total),
      max: sum(dimensions.map((d) => d.max)),
    },
    dimensions,
    secondaries,
    items,
    scenarios,
    rose: scenarios.filter((s) => s.delta > 0),
    fell: scenarios.filter((s) => s.delta < 0),
    level: {
      before: before.evaluation.level,
      after: after.evaluation.level,
      delta: after.evaluation.level - before.evaluation.level,
    },
    stepsCompleted,
    stepsReopened,
    results,
  };
}

/** Sign of an exact delta: 1 up, −1 down, 0 unchanged. */
export const deltaSign = (d: Rational): number => cmp(d, { n: 0, d: 1 });

// ——— Trend ———

export interface TrendPoint {
  id: string;
  /** profile.year, else the UTC year of createdAt. */
  year: number;
  /** True when `year` came from createdAt because the profile has no year. */
  yearFromDate: boolean;
  /** 1-based position among the points of the same year (several assessments in one year). */
  nthInYear: number;
  createdAt: number;
  label?: string;
  total: Rational;
  /** Points per dimension, in rubric order (ids in TrendSeries.dimensions). */
  dimensions: Rational[];
  level: number;
  /** Entered effect indicators (id → value). */
  results: Record<string, number>;
}

export interface TrendSeries {
  rubric: string;
  dimensions: { id: string; max: Rational }[];
  points: TrendPoint[];
  /** Entries left out because they use another rubric than `rubric`. */
  skipped: string[];
  /** Entries left out because another assessment of their year counts (seriesOf): variants, copies. */
  variants: string[];
}

/**
 * The series for the trend chart and table: one point per year (seriesOf: never a variant or a second
 * copy of a year, listed in `variants`), in `chronological` order. Only entries of one rubric can share
 * axes: `rubric` (default: the rubric of the latest entry); the others are listed in `skipped`.
 */
export function trendSeries(entries: readonly TrendEntry[], rubric?: string): TrendSeries {
  const id = rubric ?? chronological(entries).at(-1)?.evaluation.rubric ?? '';
  const sameRubric = (e: TrendEntry) => e.evaluation.rubric === id && e.file.rubric === id;
  const { series: kept, variants } = seriesOf(entries.filter(sameRubric));
  const skipped = chronological(entries)
    .filter((e) => !sameRubric(e))
    .map((e) => e.id);
  const perYear = new Map<number, number>();
  const points = kept.map((e): TrendPoint => {
    const { year, fromDate } = assessmentYear(e);
    const nth = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, nth);
    const label = e.file[EXTENSION_KEY]?.meta?.label;
    return {
      id: e.id,
      year,
      yearFromDate: fromDate,
      nthInYear: nth,
      createdAt: e.createdAt,
      ...(label ? { label } : {}),
      total: e.evaluation.score.total,
      dimensions: e.evaluation.score.dimensions.map((d) => d.points),
      level: e.evaluation.level,
      results: { ...(e.file[EXTENSION_KEY]?.results ?? {}) },
    };
  });
  const first = kept[0]?.evaluation.score.dimensions ?? [];
  return {
    rubric: id,
    dimensions: first.map((d) => ({ id: d.id, max: d.max })),
    points,
    skipped,
    variants: variants.map((e) => e.id),
  };
}
