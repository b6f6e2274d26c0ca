/**
 * The cost model a weighted rubric is planned with: its own (the manifest's `costs`), loaded and checked
 * against it by the registry together with the rubric, never another rubric's.
 */
import { loadedCostModel } from '../rubric/registry';
import type { WeightedRubric } from '../rubric/schema';
import { type CostModel, PlannerError } from './cost-model';

export function costModel(rubric: WeightedRubric): CostModel {
  const costs = loadedCostModel(rubric.id);
  if (!costs) throw new PlannerError(`no cost model for rubric ${rubric.id}: load the rubric first (loadRubric)`);
  return costs;
}
