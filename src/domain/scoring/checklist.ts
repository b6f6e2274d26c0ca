/**
 * Level of a required-checklist rubric (晨星工厂): pure function of the rubric and the items the enterprise
 * says it meets.
 *
 * The level is the highest k such that every item required at any level ≤ k is met (rubric.levelRule).
 * Items with requiredFrom null are optional: they count in metCount but never in the level. An item missing
 * from `met` is unanswered and counts as not met.
 */
import type { ChecklistItem, ChecklistRubric } from '../rubric/checklist-schema';
import type { ChecklistAnswers } from '../assessment/types';

/** Per item id: true = met, false = not met; absent = not answered yet. */
export type { ChecklistAnswers };

export interface LevelRequirement {
  level: number;
  /** Items required at this level (requiredFrom ≤ level), i.e. every item the level needs. */
  required: number;
  /** How many of them are met. */
  met: number;
  /** Items that become required exactly at this level. */
  newlyRequired: number;
}

export interface ChecklistEvaluation {
  /** 0 when some item required at level 1 is not met; at most the rubric's top level. */
  level: number;
  /** level + 1, or null at the top level. */
  nextLevel: number | null;
  /** Items still missing for nextLevel, grouped by category in rubric order; empty at the top level. */
  missingForNext: { category: string; items: string[] }[];
  /** Every item of the rubric has an answer. */
  complete: boolean;
  /** Item ids without an answer, in rubric order. */
  unanswered: string[];
  /** Items answered true, optional ones included. */
  metCount: number;
  itemCount: number;
  /** One entry per level, 1…top. */
  requiredCounts: LevelRequirement[];
  /** Keys of `met` that are no item of the rubric (e.g. an answer file from another edition). */
  unknown: string[];
}

export interface PlacedItem {
  category: string;
  indicator: string;
  item: ChecklistItem;
}

/** Every item with its category and indicator ids, in rubric order. */
export function checklistItems(rubric: ChecklistRubric): PlacedItem[] {
  return rubric.categories.flatMap((c) =>
    c.indicators.flatMap((ind) => ind.items.map((item) => ({ category: c.id, indicator: ind.id, item }))),
  );
}

export function evaluateChecklist(rubric: ChecklistRubric, met: ChecklistAnswers): ChecklistEvaluation {
  const top = rubric.levels.length;
  const all = checklistItems(rubric);
  const isMet = (id: string) => Object.hasOwn(met, id) && met[id] === true;

  // Items are cumulative, so the level stops just below the lowest level at which something is unmet.
  let level = top;
  for (const { item } of all) {
    if (item.requiredFrom !== null && !isMet(item.id)) level = Math.min(level, item.requiredFrom - 1);
  }

  const nextLevel = level < top ? level + 1 : null;
  const missingForNext: { category: string; items: string[] }[] = [];
  if (nextLevel !== null) {
    for (const { category, item } of all) {
      if (item.requiredFrom === null || item.requiredFrom > nextLevel || isMet(item.id)) continue;
      const last = missingForNext.at(-1);
      if (last?.category === category) last.items.push(item.id);
      else missingForNext.push({ category, items: [item.id] });
    }
  }

  const requiredCounts: LevelRequirement[] = rubric.levels.map(({ level: k }) => {
    const required = all.filter(({ item }) => item.requiredFrom !== null && item.requiredFrom <= k);
    return {
      level: k,
      required: required.length,
      met: required.filter(({ item }) => isMet(item.id)).length,
      newlyRequired: required.filter(({ item }) => item.requiredFrom === k).length,
    };
  });

  const ids = new Set(all.map(({ item }) => item.id));
  const unanswered = all
    .filter(({ item }) => !Object.hasOwn(met, item.id) || typeof met[item.id] !== 'boolean')
    .map(({ item }) => item.id);

  return {
    level,
    nextLevel,
    missingForNext,
    complete: unanswered.length === 0,
    unanswered,
    metCount: all.filter(({ item }) => isMet(item.id)).length,
    itemCount: all.length,
    requiredCounts,
    unknown: Object.keys(met).filter((k) => !ids.has(k)),
  };
}
