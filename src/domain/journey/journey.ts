/**
 * An enterprise's journey through its rubric, assembled in one place: evaluation → plan(s) → roadmap (for
 * a checklist: its evaluation, and the plan and roadmap read through its mapping onto a weighted rubric).
 * The views, the report, the bench and the tests take their results from here rather than wiring the
 * engines themselves. Pure: the async parts (guide, mapping) come from loadJourneyData.
 */
import type { LocalizedText, WeightedRubric } from '../rubric/schema';
import type { ChecklistRubric } from '../rubric/checklist-schema';
import type { AnyRubric } from '../rubric/registry';
import type { AssessmentInput } from '../assessment/types';
import type { Profile } from '../assessment/profile';
import type { Extension } from '../assessment/extension';
import { EXTENSION_KEY } from '../vocabulary';
import { type Evaluation, evaluate } from '../scoring/evaluate';
import { type ChecklistEvaluation, evaluateChecklist } from '../scoring/checklist';
import { checklistAnswersOf } from '../assessment/answers';
import type { CostModel } from '../planner/cost-model';
import { costModel } from '../planner/costs';
import { type Plan, planNextLevels } from '../planner/plan';
import { type ChecklistMapping, checklistPlan } from '../planner/checklist-plan';
import type { Guide } from '../roadmap/guide-schema';
import { type Roadmap, generateRoadmap } from '../roadmap/generate';

/** What a journey reads of an assessment file: the answers, the size and the user's roadmap and readiness. */
export interface JourneyFile extends AssessmentInput {
  profile?: Pick<Profile, 'size'>;
  [EXTENSION_KEY]?: Pick<Extension, 'roadmap' | 'readiness'>;
}

export interface WeightedJourneyInput {
  rubric: WeightedRubric;
  file: JourneyFile;
  /** The planner's effort model; by default the rubric's own (its manifest's `costs`). */
  costs?: CostModel;
  /** The industry guide (loadJourneyData); without one there is no roadmap. */
  guide?: Guide;
}

export interface ChecklistJourneyInput {
  rubric: ChecklistRubric;
  file: JourneyFile;
  /** The weighted rubric the checklist's mapping reads onto, and the mapping; without them no plan. */
  onto?: { rubric: WeightedRubric; mapping: ChecklistMapping };
  /** The industry guide for the rubric it maps onto; without one (or without `onto`) no roadmap. */
  guide?: Guide;
}

interface Common {
  /** The cheapest way to the next level(s): two for a weighted rubric (next, the one after), one for a checklist. */
  plans: Plan[];
  /** The guide and the roadmap built from it, when a guide was given. */
  guide?: Guide;
  roadmap?: Roadmap;
}

export interface WeightedJourney extends Common {
  model: 'weighted-scenarios';
  rubric: WeightedRubric;
  evaluation: Evaluation;
}

export interface ChecklistJourney extends Common {
  model: 'required-checklist';
  rubric: ChecklistRubric;
  evaluation: ChecklistEvaluation;
  /** The weighted rubric the plans and the roadmap speak of. */
  onto?: WeightedRubric;
  /** The mapping's own statement that it is our reading, not official: shown wherever the mapping is used. */
  mappingNote?: LocalizedText;
}

export type Journey = WeightedJourney | ChecklistJourney;
/** Either input, for a rubric of either model (`costs` applies to weighted rubrics, `onto` to checklists). */
export type JourneyInput = Omit<WeightedJourneyInput, 'rubric'> &
  Omit<ChecklistJourneyInput, 'rubric'> & { rubric: AnyRubric };

/** A journey given a guide: it has its roadmap (what the roadmap screen and the report need). */
export type WithRoadmap<J extends Journey> = J & { guide: Guide; roadmap: Roadmap };

export function hasRoadmap<J extends Journey>(journey: J): journey is WithRoadmap<J> {
  return journey.guide !== undefined && journey.roadmap !== undefined;
}

/** The weighted rubric whose scenarios and items a journey's plans and roadmap name (undefined: none). */
export function planRubric(journey: Journey): WeightedRubric | undefined {
  return journey.model === 'weighted-scenarios' ? journey.rubric : journey.onto;
}

const NOTHING: AssessmentInput = { answers: {}, scenarios: {} };

function roadmapOf(rubric: WeightedRubric, file: JourneyFile, evaluation: Evaluation, plans: Plan[], guide?: Guide) {
  if (!guide) return {};
  const roadmap = generateRoadmap({
    rubric,
    guide,
    size: file.profile?.size,
    evaluation,
    plans,
    state: file[EXTENSION_KEY]?.roadmap,
  });
  return { guide, roadmap };
}

function weighted({ rubric, file, costs, guide }: WeightedJourneyInput): WeightedJourney {
  const evaluation = evaluate(rubric, file);
  const plans = planNextLevels(rubric, file, costs ?? costModel(rubric));
  return { model: rubric.model, rubric, evaluation, plans, ...roadmapOf(rubric, file, evaluation, plans, guide) };
}

function checklist({ rubric, file, onto, guide }: ChecklistJourneyInput): ChecklistJourney {
  // a checklist file's answers are item id → met (assessment/file.ts validates them by the rubric's model)
  const evaluation = evaluateChecklist(rubric, checklistAnswersOf(file));
  if (!onto) return { model: rubric.model, rubric, evaluation, plans: [] };
  const readiness = file[EXTENSION_KEY]?.readiness;
  const plans = [checklistPlan(onto.rubric, rubric, onto.mapping, evaluation, {}, readiness)];
  // the roadmap starts from nothing met on the weighted rubric: the checklist says nothing of its levels
  const baseline = evaluate(onto.rubric, NOTHING);
  return {
    model: rubric.model,
    rubric,
    evaluation,
    onto: onto.rubric,
    mappingNote: onto.mapping.notOfficial,
    plans,
    ...roadmapOf(onto.rubric, file, baseline, plans, guide),
  };
}

/** The journey of one assessment through its rubric, of either model. */
export function journeyFor(input: WeightedJourneyInput): WeightedJourney;
export function journeyFor(input: ChecklistJourneyInput): ChecklistJourney;
export function journeyFor(input: JourneyInput): Journey;
export function journeyFor(input: JourneyInput): Journey {
  const { rubric } = input;
  return rubric.model === 'weighted-scenarios' ? weighted({ ...input, rubric }) : checklist({ ...input, rubric });
}
