/**
 * A rubric is its folder (manifest.json naming the parts) plus one registry line. A third, test-only
 * weighted rubric (test/fixtures/rubrics/test-weighted-2025) is registered here and planned with its own
 * cost model; the national parts (costs, review data, guides) never leak onto it.
 */
import { describe, expect, it } from 'vitest';
import {
  RUBRIC_IDS,
  RubricError,
  checkManifest,
  costModel,
  getEvidenceGuidance,
  getManifest,
  getRubric,
  guideIssues,
  Guide,
  journeyFor,
  loadGuide,
  loadJourneyData,
  loadReviewData,
  loadRubric,
  planNextLevels,
  registerRubric,
  type JourneyFile,
} from '../../src/domain/index';
import * as v from 'valibot';

const TEST_ID = 'test-weighted-2025';
const folder = (name: string) => import(`../fixtures/rubrics/test-weighted-2025/${name}.json`);
registerRubric(TEST_ID, folder, 'test/fixtures/rubrics/test-weighted-2025');
const national = getRubric('cn-sme-2024')!;
const rubric = await loadRubric(TEST_ID);
const testRubric = getRubric(TEST_ID)!;
const empty: JourneyFile = { answers: {}, scenarios: {} };

describe('registering a rubric folder', () => {
  it('loads the third rubric from its manifest, beside the bundled two', () => {
    expect(RUBRIC_IDS).toEqual(['cn-sme-2024', 'sd-chenxing-2022', TEST_ID]);
    expect(rubric?.model).toBe('weighted-scenarios');
    expect(getManifest(TEST_ID)).toMatchObject({ id: TEST_ID, rubric: 'rubric.json', costs: 'costs.json' });
  });

  it('plans it with its own cost model, not the national one', () => {
    const own = costModel(testRubric);
    expect(own).not.toBe(costModel(national));
    expect(own.note.en).toContain('Test-only');
    const journey = journeyFor({ rubric: testRubric, file: empty });
    // level 1: item 1 one step (3) and scenario alpha level 1 (2), as test costs.json prices them
    expect(journey.plans[0]).toMatchObject({ target: 1, reachable: true, cost: 5 });
    expect(journey.plans[0]!.scenarioSteps.map((s) => s.id)).toEqual(['alpha']);
    expect(journey.plans[0]!.itemSteps.map((s) => s.id)).toEqual(['q1']);
    // the national model (one unit per step) would plan the same level at 2
    expect(planNextLevels(testRubric, empty, costModel(national))[0]!.cost).toBe(2);
  });

  it('gets no national review data, guides or roadmap', async () => {
    expect(await loadReviewData(TEST_ID)).toEqual({});
    expect(getEvidenceGuidance(TEST_ID)).toBeUndefined();
    expect(await loadJourneyData(testRubric, 'food-beverage')).toEqual({});
    const journey = journeyFor({ rubric: testRubric, file: empty });
    expect(journey.roadmap).toBeUndefined();
  });

  it('refuses a folder whose manifest names another id, naming the file', async () => {
    registerRubric('misnamed-2025', folder, 'test/fixtures/rubrics/test-weighted-2025');
    await expect(loadRubric('misnamed-2025')).rejects.toThrow(RubricError);
    await expect(loadRubric('misnamed-2025')).rejects.toThrow(
      'test/fixtures/rubrics/test-weighted-2025/manifest.json id: "test-weighted-2025"',
    );
  });

  it('refuses a second registration of an id', () => {
    expect(() => registerRubric(TEST_ID, folder)).toThrow(RubricError);
  });
});

describe('manifest checks', () => {
  const weighted = { id: 'x-2025', model: 'weighted-scenarios', rubric: 'rubric.json', costs: 'costs.json' };
  it.each([
    ['a weighted rubric without a cost model', { ...weighted, costs: undefined }, 'costs'],
    ['a part outside the folder', { ...weighted, costs: '../cn-sme-2024/costs.json' }, 'costs'],
    ['a mapping on a weighted rubric', { ...weighted, mapping: { onto: 'cn-sme-2024', file: 'm.json' } }, 'mapping'],
    [
      'guides on a checklist without a mapping',
      { id: 'x-2025', model: 'required-checklist', rubric: 'rubric.json', guides: 'industry' },
      'guides',
    ],
    ['an unknown guide set', { ...weighted, guides: 'regional' }, 'guides'],
  ])('rejects %s', (_, data, path) => {
    const result = checkManifest(data, 'x-2025');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });

  it('accepts the bundled manifests', () => {
    for (const id of ['cn-sme-2024', 'sd-chenxing-2022']) expect(getManifest(id)?.id).toBe(id);
  });
});

describe('guide references', () => {
  it('are checked against the rubric the guide applies to, not a fixed q1–q15', async () => {
    const guide = await loadGuide('food-beverage');
    expect(guideIssues(guide, national)).toEqual([]);
    const misfits = guideIssues(guide, testRubric);
    expect(misfits.length).toBeGreaterThan(0);
    expect(misfits.map((i) => i.message)).toContain('no question q3 in test-weighted-2025');
    // the schema takes any q<n>; whether it exists is the rubric's to say
    const q16 = structuredClone(guide);
    q16.actions[0]!.advances.questions.push('q16');
    expect(v.safeParse(Guide, q16).success).toBe(true);
    expect(guideIssues(q16, national)).toEqual([
      {
        path: 'actions.0.advances.questions.' + (q16.actions[0]!.advances.questions.length - 1),
        message: 'no question q16 in cn-sme-2024',
      },
    ]);
  });
});
