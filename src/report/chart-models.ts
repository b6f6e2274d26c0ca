/** What the charts show, computed from an evaluation; shared by the screen, the print view and the PDF. */
import { toNumber, allScenarios, type Evaluation, type LocalizedText, type WeightedRubric } from '../domain/index';

export interface RadarModel {
  labels: string[];
  /** Percent of each secondary indicator's maximum. */
  values: number[];
}
export interface BarsModel {
  labels: string[];
  levels: number[];
  constraint: boolean[];
}

export function chartModels(
  rubric: WeightedRubric,
  e: Evaluation,
  loc: (t: LocalizedText) => string,
  _lang: string,
): { radar: RadarModel; bars: BarsModel } {
  const secondaries = rubric.dimensions.flatMap((d) => d.secondaries);
  const radar = {
    labels: secondaries.map((s) => loc(s.name)),
    values: e.score.secondaries.map((s) => Math.round((toNumber(s.points) / toNumber(s.max)) * 1000) / 10),
  };
  const names = new Map(allScenarios(rubric).map((s) => [s.id, loc(s.name)]));
  const bars = {
    labels: e.scenarios.map((s) => names.get(s.id) ?? s.id),
    levels: e.scenarios.map((s) => s.level),
    constraint: e.scenarios.map((s) => s.constraint),
  };
  return { radar, bars };
}
