/** The bundled cost model, validated against the rubric once on first use (a bad file fails loudly). */
import data from '../../../rubrics/cn-sme-2024/costs.json';
import { getRubric } from '../rubric/registry';
import { type CostModel, parseCostModel } from './cost-model';

let cached: CostModel | undefined;

export function costModel(): CostModel {
  return (cached ??= parseCostModel(data, getRubric('cn-sme-2024')));
}
