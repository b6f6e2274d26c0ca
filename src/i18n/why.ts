/**
 * The results' first sentence in a translator's language, from the domain's whyNotNext data. Kept apart
 * from phrases.ts so only the results chunk carries it.
 */
import { allScenarios, type WeightedRubric, type Evaluation } from '../domain/index';
import { whyNotNext } from '../domain/owner/why';
import type { Translator } from './translator';
import { phrases } from './phrases';
import { lazyStrings } from './lazy-strings';

lazyStrings();

export function whySentence(tr: Translator, rubric: WeightedRubric, e: Evaluation): string {
  const { t, loc, list } = tr;
  const { levelName, points } = phrases(tr);
  const why = whyNotNext(rubric, e);
  if (why.kind === 'top') return t('owner.why.top', { level: levelName(rubric, why.level) });
  const next = levelName(rubric, why.next);
  const names = new Map(allScenarios(rubric).map((s) => [s.id, loc(s.name)]));
  const named = list(why.nearestConstraint.map((id) => names.get(id)!));

  let scenarios = '';
  if (why.constraintMissing > 0 && why.scenariosMissing <= why.constraintMissing)
    scenarios = t(why.allNamed ? 'owner.why.constraintAll' : 'owner.why.constraintNearest', {
      count: why.constraintMissing,
      level: next,
      names: named,
    });
  else if (why.constraintMissing > 0)
    scenarios = t('owner.why.scenariosWithConstraint', {
      count: why.scenariosMissing,
      constraint: why.constraintMissing,
      level: next,
      names: named,
    });
  else if (why.scenariosMissing > 0) scenarios = t('owner.why.scenarios', { count: why.scenariosMissing, level: next });

  // the same rounding as every score and gap on screen and in the report (two decimals, half up)
  const gap = why.scoreGap && points(why.scoreGap);
  if (gap === undefined) return t('owner.why.scoreEnough', { level: next, scenarios });
  if (!scenarios) return t('owner.why.scenariosEnough', { level: next, gap });
  return t('owner.why.both', { level: next, gap, scenarios });
}
