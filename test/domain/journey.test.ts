/**
 * journeyFor is the one place evaluation → plans → roadmap is assembled: it gives exactly what the
 * roadmap screen, the report and the bench wired by hand before, for both rubric models, and
 * loadJourneyData finds the guide and the mapping through the rubric's manifest.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTENSION_KEY,
  checklistPlan,
  costModel,
  evaluate,
  evaluateChecklist,
  generateRoadmap,
  getChecklistRubric,
  getRubric,
  hasRoadmap,
  journeyFor,
  loadChecklistMapping,
  loadGuide,
  loadJourneyData,
  planNextLevels,
  planRubric,
  type AssessmentFile,
  type ChecklistAnswers,
} from '../../src/domain/index';

const fixture = (name: string): AssessmentFile =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8'));
const national = getRubric('cn-sme-2024')!;
const chenxing = getChecklistRubric('sd-chenxing-2022')!;

describe('journeyFor, weighted rubric', () => {
  const file = fixture('valid-level3.json');
  file[EXTENSION_KEY] = { roadmap: { 'fb-technical-retrofit': { status: 'done', quarter: '2027-Q1' } } };

  it('evaluates, plans with the rubric’s cost model and builds the roadmap with the user’s step states', async () => {
    const guide = await loadGuide('food-beverage');
    const journey = journeyFor({ rubric: national, file, guide });
    const evaluation = evaluate(national, file);
    const plans = planNextLevels(national, file, costModel(national));
    expect(journey).toEqual({
      model: 'weighted-scenarios',
      rubric: national,
      evaluation,
      plans,
      guide,
      roadmap: generateRoadmap({
        rubric: national,
        guide,
        size: file.profile?.size,
        evaluation,
        plans,
        state: file[EXTENSION_KEY]?.roadmap,
      }),
    });
    expect(hasRoadmap(journey)).toBe(true);
    expect(planRubric(journey)).toBe(national);
  });

  it('has no roadmap without a guide', () => {
    const journey = journeyFor({ rubric: national, file });
    expect(journey.roadmap).toBeUndefined();
    expect(hasRoadmap(journey)).toBe(false);
    expect(journey.plans).toHaveLength(planNextLevels(national, file, costModel(national)).length);
  });

  it('finds the industry guide through the manifest', async () => {
    expect(await loadJourneyData(national, 'pharma')).toEqual({ guide: await loadGuide('pharma') });
  });
});

describe('journeyFor, checklist rubric', () => {
  const file = fixture('chenxing-level2.json');

  it('reads the plan and the roadmap through the mapping onto the national rubric', async () => {
    const data = await loadJourneyData(chenxing, 'food-beverage');
    const mapping = (await loadChecklistMapping(national, chenxing))!;
    const guide = await loadGuide('food-beverage');
    expect(data).toEqual({ onto: { rubric: national, mapping }, guide });
    const journey = journeyFor({ rubric: chenxing, file, ...data });
    const evaluation = evaluateChecklist(chenxing, file.answers as unknown as ChecklistAnswers);
    const plans = [checklistPlan(national, chenxing, mapping, evaluation, {}, file[EXTENSION_KEY]?.readiness)];
    expect(journey).toEqual({
      model: 'required-checklist',
      rubric: chenxing,
      evaluation,
      onto: national,
      mappingNote: mapping.notOfficial,
      plans,
      guide,
      roadmap: generateRoadmap({
        rubric: national,
        guide,
        size: file.profile?.size,
        evaluation: evaluate(national, { answers: {}, scenarios: {} }),
        plans,
        state: file[EXTENSION_KEY]?.roadmap,
      }),
    });
    expect(planRubric(journey)).toBe(national);
  });

  it('has only the evaluation without the mapping', () => {
    const journey = journeyFor({ rubric: chenxing, file });
    expect(journey.plans).toEqual([]);
    expect(journey.roadmap).toBeUndefined();
    expect(planRubric(journey)).toBeUndefined();
  });
});
