/** What the trend charts show: computed from a trend series; labels already in the active language. */
import { toNumber, displayScore, type TrendSeries, type WeightedRubric, type LocalizedText } from '../domain/index';

export interface TrendLinesModel {
  labels: string[];
  /** Total first, then one series per dimension (rubric order). Points, not percent. */
  series: { label: string; values: number[] }[];
  max: number;
}

export interface LevelStepsModel {
  labels: string[];
  levels: number[];
  /** Name of level 0…n, for the axis. */
  levelNames: string[];
  label: string;
}

export function trendModels(
  rubric: WeightedRubric,
  series: TrendSeries,
  labels: string[],
  text: { total: string; level: string },
  loc: (t: LocalizedText) => string,
): { lines: TrendLinesModel; steps: LevelStepsModel } {
  const names = new Map(rubric.dimensions.map((d) => [d.id, loc(d.name)]));
  const lines: TrendLinesModel = {
    labels,
    series: [
      { label: text.total, values: series.points.map((p) => displayScore(p.total)) },
      ...series.dimensions.map((d, i) => ({
        label: names.get(d.id) ?? d.id,
        values: series.points.map((p) => displayScore(p.dimensions[i]!)),
      })),
    ],
    max: Math.max(100, ...series.dimensions.map((d) => toNumber(d.max))),
  };
  const steps: LevelStepsModel = {
    labels,
    levels: series.points.map((p) => p.level),
    levelNames: [loc(rubric.belowLevelOne), ...rubric.levelRules.map((r) => loc(r.name))],
    label: text.level,
  };
  return { lines, steps };
}
