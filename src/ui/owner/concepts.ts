/**
 * Short inline explanations of the rubric's concepts, built from the rubric's own rule data (counts,
 * thresholds, parts of the score) so they can never drift from what the engine computes.
 */
import { allScenarios, type WeightedRubric } from '../../domain/index';
import { t, loc, list, num } from '../../i18n/index.svelte';
import { levelName } from '../../i18n/format';
import { lazyStrings } from '../../i18n/lazy-strings';

lazyStrings();

/** 约束性场景: how many there are and how many each level needs. */
export function constraintConcept(rubric: WeightedRubric): string {
  const count = allScenarios(rubric).filter((s) => s.constraint).length;
  const levels = list(rubric.levelRules.map((r) => levelName(rubric, r.level)));
  const counts = list(rubric.levelRules.map((r) => num(r.minConstraintScenarios)));
  return t('owner.concept.constraint', { count, levels, counts });
}

/** 计入等级: the level that counts is the highest with every lower level met. */
export function countedConcept(): string {
  return t('owner.concept.counted');
}

/** The score's parts with their points, and that the level also needs the scenarios. */
export function scoreConcept(rubric: WeightedRubric): string {
  const parts = rubric.dimensions.map((d) => t('owner.concept.part', { name: loc(d.name), points: num(d.points) }));
  const total = rubric.dimensions.reduce((sum, d) => sum + d.points, 0);
  return t('owner.concept.score', { count: parts.length, parts: list(parts), total: num(total) });
}
