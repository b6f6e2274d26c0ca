import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import data from '../../rubrics/sd-chenxing-2022/rubric.json';
import mappingData from '../../rubrics/sd-chenxing-2022/mapping.json';
import { ChecklistRubric } from '../../src/domain/rubric/checklist-schema';
import { checklistItems, evaluateChecklist, type ChecklistAnswers } from '../../src/domain/scoring/checklist';
import { getRubric } from '../../src/domain/rubric/registry';
import { evaluate } from '../../src/domain/scoring/evaluate';
import { allScenarios } from '../../src/domain/scoring/scenarios';
import { rat } from '../../src/domain/scoring/rational';
import type { ScenarioChecks } from '../../src/domain/assessment/types';
import { PlannerError } from '../../src/domain/planner/cost-model';
import {
  ChecklistMapping,
  checklistPlan,
  missingItemTargets,
  parseChecklistMapping,
  readinessRuleHolds,
  triggeredReadinessRules,
  validateChecklistMapping,
  type NationalLevels,
  type ReadinessRule,
} from '../../src/domain/planner/checklist-plan';
import { loadGuide } from '../../src/domain/roadmap/guides';
import { generateRoadmap, filterSteps } from '../../src/domain/roadmap/generate';

const national = getRubric('cn-sme-2024')!;
const rubric = v.parse(ChecklistRubric, data);
const mapping = v.parse(ChecklistMapping, mappingData);
const ids = checklistItems(rubric).map((p) => p.item.id);
const ALL_MET: ChecklistAnswers = Object.fromEntries(ids.map((id) => [id, true]));
const without = (...off: string[]): ChecklistAnswers => ({
  ...ALL_MET,
  ...Object.fromEntries(off.map((id) => [id, false])),
});
const evaluation = (...off: string[]) => evaluateChecklist(rubric, without(...off));
const addOptions = (...qs: string[]) => qs.map((id) => ({ id, kind: 'add-options', count: 1, gain: rat(0), cost: 1 }));
const clone = (): ChecklistMapping => structuredClone(mapping);
const t = { 'zh-CN': '测试', en: 'test' };

describe('mapping.json', () => {
  it('parses and validates against both rubrics', () => {
    const result = parseChecklistMapping(mappingData, national, rubric);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(validateChecklistMapping(national, rubric, mapping)).toEqual([]);
  });

  it('maps every checklist item, in rubric order, each to at least one target', () => {
    expect(Object.keys(mapping.items)).toEqual(ids);
    for (const id of ids) {
      const m = mapping.items[id]!;
      expect(m.scenarios.length + m.questions.length, id).toBeGreaterThan(0);
    }
  });

  it('says it is not official, in both languages', () => {
    expect(mapping.notOfficial['zh-CN']).toContain('不是官方');
    expect(mapping.notOfficial.en).toContain('not an official');
  });

  it('names every problem: unknown and unmapped items, unknown ids, rules that cannot hold', () => {
    const m = clone();
    m.items['no-such-item'] = { scenarios: [{ id: 'no-such-scenario', level: 2 }], questions: ['q99'] };
    delete m.items['production-safety'];
    m.readinessRules.push(
      {
        id: 'r1',
        when: { field: 'no-such-field', equals: false },
        targets: { scenarios: [], questions: ['q1'] },
        text: t,
      },
      { id: 'r2', when: { field: 'protocols', equals: false }, targets: { scenarios: [], questions: ['q1'] }, text: t },
      { id: 'r3', when: { field: 'protocols', noneOf: ['x'] }, targets: { scenarios: [], questions: ['q1'] }, text: t },
      {
        id: 'r4',
        when: { field: 'dcmm-level', equals: 'level-9' },
        targets: { scenarios: [], questions: ['q1'] },
        text: t,
      },
      {
        id: 'r5',
        when: { field: 'equipment-count', equals: true },
        targets: { scenarios: [], questions: ['q1'] },
        text: t,
      },
      {
        id: 'r6',
        when: { field: 'plan-storage', equals: 'x' },
        targets: { scenarios: [], questions: ['q1'] },
        text: t,
      },
      {
        id: 'r7',
        when: { field: 'dcmm-certified', noneOf: ['x'] },
        targets: { scenarios: [], questions: ['q1'] },
        text: t,
      },
    );
    m.rubric = 'other-rubric';
    const issues = validateChecklistMapping(national, rubric, m).map((i) => i.path);
    const n = mapping.readinessRules.length;
    expect(issues).toEqual([
      'rubric',
      'items.no-such-item',
      'items.no-such-item.scenarios.0.id',
      'items.no-such-item.questions.0',
      'items.production-safety',
      ...[0, 1, 2, 3, 4, 5, 6].map((i) =>
        i === 0 ? `readinessRules.${n}.when.field` : `readinessRules.${n + i}.when`,
      ),
    ]);
  });

  it('rejects in the schema: an item with no target, a scenario or question twice, a level above 4, duplicate rules', () => {
    const m = clone() as any;
    m.items['lean-factory-layout'] = { scenarios: [], questions: [] };
    m.items['office-network'] = { scenarios: [], questions: ['q1', 'q1'] };
    m.items['production-network'] = {
      scenarios: [
        { id: 'production', level: 3 },
        { id: 'production', level: 2 },
      ],
      questions: [],
    };
    m.readinessRules.push(m.readinessRules[0]);
    const result = parseChecklistMapping(m, national, rubric);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      'items.lean-factory-layout: names no scenario and no question',
      'items.office-network.questions: question q1 twice',
      'items.production-network.scenarios: scenario production twice',
      'readinessRules: duplicate rule id no-standard-protocol',
    ]);
    const high = clone() as any;
    high.items['office-network'] = { scenarios: [{ id: 'production', level: 5 }], questions: [] };
    expect(parseChecklistMapping(high, national, rubric).ok).toBe(false);
  });

  it('reads the brief’s anchors: data collection → q3/q4 + level 3, planning → questions only, energy → q12', () => {
    expect(mapping.items['shop-floor-data-acquisition']).toMatchObject({
      scenarios: [
        { id: 'equipment', level: 3 },
        { id: 'production', level: 3 },
      ],
      questions: ['q2', 'q3', 'q4'],
    });
    for (const id of rubric.categories.find((c) => c.id === 'top-level-planning')!.indicators.flatMap((i) => i.items))
      expect(mapping.items[id.id]!.scenarios, id.id).toEqual([]);
    for (const id of ['energy-management-system', 'energy-data-collection', 'energy-forecasting-balancing'])
      expect(mapping.items[id]!.questions).toContain('q12');
    expect(mapping.items['information-security']!.questions).toEqual(['q6', 'q7']);
    expect(mapping.items['digital-twin-application']!.scenarios.map((s) => s.level)).toEqual([4]);
  });
});

describe('checklistPlan', () => {
  // level 2 items: equipment-realtime-monitoring → equipment 3, q2 q3 q4; sales-management → marketing 2, q5;
  // energy-management-system → energy 2, q4 q12
  const three = evaluation('equipment-realtime-monitoring', 'sales-management', 'energy-management-system');

  it('turns the missing items into national scenario steps and item steps (exact)', () => {
    expect(three.level).toBe(1);
    expect(three.nextLevel).toBe(2);
    expect(checklistPlan(national, rubric, mapping, three)).toEqual({
      target: 2,
      reachable: true,
      cost: 12,
      scoreGap: rat(0),
      scoreGain: rat(0),
      scenarioSteps: [
        { id: 'marketing', constraint: true, from: 0, to: 2, levelsToTick: [1, 2], cost: 2, reason: 'count' },
        { id: 'equipment', constraint: true, from: 0, to: 3, levelsToTick: [1, 2, 3], cost: 3, reason: 'count' },
        { id: 'energy', constraint: true, from: 0, to: 2, levelsToTick: [1, 2], cost: 2, reason: 'count' },
      ],
      itemSteps: addOptions('q2', 'q3', 'q4', 'q5', 'q12'),
    });
  });

  it('starts from the current national levels and drops scenarios already there', () => {
    const plan = checklistPlan(national, rubric, mapping, three, { marketing: 2, equipment: 4, energy: 1 });
    expect(plan.scenarioSteps).toEqual([
      { id: 'energy', constraint: true, from: 1, to: 2, levelsToTick: [2], cost: 1, reason: 'count' },
    ]);
    expect(plan.itemSteps).toEqual(addOptions('q2', 'q3', 'q4', 'q5', 'q12'));
    expect(plan.cost).toBe(6);
  });

  it('produces no scenario step when every mapped scenario is already met nationally', () => {
    const levels: NationalLevels = Object.fromEntries(allScenarios(national).map((s) => [s.id, 4]));
    const plan = checklistPlan(national, rubric, mapping, three, levels);
    expect(plan.scenarioSteps).toEqual([]);
    expect(plan.cost).toBe(5);
  });

  it('deduplicates a scenario to the highest level any missing item asks', () => {
    // equipment-fault-diagnosis → equipment 3, equipment-health-management → equipment 4 (both level 3 items)
    const e = evaluation('equipment-fault-diagnosis', 'equipment-health-management');
    expect(e.nextLevel).toBe(3);
    const plan = checklistPlan(national, rubric, mapping, e);
    expect(plan.scenarioSteps).toEqual([
      { id: 'equipment', constraint: true, from: 0, to: 4, levelsToTick: [1, 2, 3, 4], cost: 4, reason: 'count' },
    ]);
    expect(plan.itemSteps).toEqual(addOptions('q3', 'q4'));
    expect(checklistPlan(national, rubric, mapping, e, { equipment: 2 }).scenarioSteps).toEqual([
      { id: 'equipment', constraint: true, from: 2, to: 4, levelsToTick: [3, 4], cost: 2, reason: 'count' },
    ]);
    expect(checklistPlan(national, rubric, mapping, e, { equipment: 4 }).scenarioSteps).toEqual([]);
  });

  it('ignores items above the next level and met items', () => {
    // tooling-management is a level-5 item; with a level-2 item missing it is not in the plan for level 2
    const e = evaluation('sales-management', 'tooling-management');
    expect(e.missingForNext).toEqual([{ category: 'digital-applications', items: ['sales-management'] }]);
    const plan = checklistPlan(national, rubric, mapping, e);
    expect(plan.scenarioSteps.map((s) => s.id)).toEqual(['marketing']);
    expect(plan.itemSteps).toEqual(addOptions('q5'));
  });

  it('at the top level: target = the top, nothing missing, no steps', () => {
    const top = evaluateChecklist(rubric, ALL_MET);
    expect(top.nextLevel).toBeNull();
    expect(checklistPlan(national, rubric, mapping, top)).toMatchObject({
      target: 5,
      reachable: true,
      cost: 0,
      scenarioSteps: [],
      itemSteps: [],
    });
  });

  it('rejects national levels outside 0…4 and items with no mapping', () => {
    expect(() => checklistPlan(national, rubric, mapping, three, { equipment: 5 })).toThrow(PlannerError);
    const m = clone();
    delete m.items['sales-management'];
    expect(() => checklistPlan(national, rubric, m, three)).toThrow(/sales-management has no mapping/);
  });
});

describe('readiness rules', () => {
  const top = evaluateChecklist(rubric, ALL_MET);
  const rule = (id: string) => mapping.readinessRules.find((r) => r.id === id)!;
  const holds = (id: string, readiness: Record<string, unknown>) => readinessRuleHolds(rubric, rule(id), readiness);

  it('multi, none of the standard protocols: triggers with only 「其它」 or nothing, not with ModBus', () => {
    expect(holds('no-standard-protocol', { protocols: ['other'] })).toBe(true);
    expect(holds('no-standard-protocol', { protocols: [] })).toBe(true);
    expect(holds('no-standard-protocol', { protocols: ['modbus'] })).toBe(false);
    expect(holds('no-standard-protocol', { protocols: ['other', 'opc-ua-da'] })).toBe(false);
    expect(holds('no-standard-protocol', {})).toBe(false);
  });

  it('boolean false and number 0 trigger; true and 1 do not', () => {
    expect(holds('no-acquisition-devices', { 'acquisition-devices-fitted': false })).toBe(true);
    expect(holds('no-acquisition-devices', { 'acquisition-devices-fitted': true })).toBe(false);
    expect(holds('no-planned-investment', { 'planned-investment': 0 })).toBe(true);
    expect(holds('no-planned-investment', { 'planned-investment': 1 })).toBe(false);
  });

  it('single equals an option, asked only when its onlyIf question is answered yes', () => {
    const r: ReadinessRule = {
      id: 'dcmm-two',
      when: { field: 'dcmm-level', equals: 'level-2' },
      targets: { scenarios: [], questions: ['q9'] },
      text: t,
    };
    expect(readinessRuleHolds(rubric, r, { 'dcmm-certified': true, 'dcmm-level': 'level-2' })).toBe(true);
    expect(readinessRuleHolds(rubric, r, { 'dcmm-certified': true, 'dcmm-level': 'level-3' })).toBe(false);
    expect(readinessRuleHolds(rubric, r, { 'dcmm-certified': false, 'dcmm-level': 'level-2' })).toBe(false);
  });

  it('adds the triggered rules’ targets to the plan, and nothing for the neighbouring answer', () => {
    const triggered = { protocols: ['other'] };
    expect(triggeredReadinessRules(rubric, mapping, triggered).map((r) => r.id)).toEqual(['no-standard-protocol']);
    expect(checklistPlan(national, rubric, mapping, top, {}, triggered)).toMatchObject({
      target: 5,
      cost: 5,
      scenarioSteps: [
        { id: 'equipment', constraint: true, from: 0, to: 3, levelsToTick: [1, 2, 3], cost: 3, reason: 'count' },
      ],
      itemSteps: addOptions('q2', 'q3'),
    });
    const neighbour = checklistPlan(national, rubric, mapping, top, {}, { protocols: ['modbus'] });
    expect(neighbour.scenarioSteps).toEqual([]);
    expect(neighbour.itemSteps).toEqual([]);
  });

  it('merges rule targets with the items’ targets, keeping the highest level', () => {
    // sales-management → marketing 2, q5; no-acquisition-devices → equipment 3, production 3, q3 q4
    const plan = checklistPlan(
      national,
      rubric,
      mapping,
      evaluation('sales-management'),
      { equipment: 1 },
      {
        'acquisition-devices-fitted': false,
      },
    );
    expect(plan.scenarioSteps.map((s) => [s.id, s.from, s.to])).toEqual([
      ['marketing', 0, 2],
      ['production', 0, 3],
      ['equipment', 1, 3],
    ]);
    expect(plan.itemSteps.map((s) => s.id)).toEqual(['q3', 'q4', 'q5']);
  });
});

describe('missingItemTargets', () => {
  it('lists each missing item with its targets and whether the national level already meets them', () => {
    const e = evaluation('equipment-realtime-monitoring', 'production-planning');
    expect(missingItemTargets(mapping, e, { equipment: 3 })).toEqual([
      {
        item: 'production-planning',
        category: 'digital-applications',
        scenarios: [{ id: 'planning', level: 2, current: 0, met: false }],
        questions: ['q5'],
        note: mapping.items['production-planning']!.note,
      },
    ]);
    const e2 = evaluation('equipment-realtime-monitoring', 'sales-management');
    expect(missingItemTargets(mapping, e2, { equipment: 3 })).toEqual([
      {
        item: 'equipment-realtime-monitoring',
        category: 'factory-data-collection',
        scenarios: [{ id: 'equipment', level: 3, current: 3, met: true }],
        questions: ['q2', 'q3', 'q4'],
      },
      {
        item: 'sales-management',
        category: 'digital-applications',
        scenarios: [{ id: 'marketing', level: 2, current: 0, met: false }],
        questions: ['q5'],
      },
    ]);
  });
});

describe('the roadmap from a checklist plan', () => {
  const checks = (level: number) => [0, 1, 2, 3].map((i) => i < level) as unknown as ScenarioChecks;

  it('food-beverage: the guide actions serving the plan carry planner-scenario reasons for exactly those scenarios', async () => {
    const guide = await loadGuide('food-beverage');
    const levels: NationalLevels = { equipment: 1 };
    const e = evaluation('equipment-realtime-monitoring', 'sales-management', 'energy-management-system');
    const plan = checklistPlan(national, rubric, mapping, e, levels);
    const nationalEvaluation = evaluate(national, {
      answers: {},
      scenarios: Object.fromEntries(Object.entries(levels).map(([id, l]) => [id, checks(l)])),
    });
    const roadmap = generateRoadmap({ rubric: national, guide, evaluation: nationalEvaluation, plans: [plan] });
    const steps = filterSteps(roadmap);
    const scenarioReasons = steps.flatMap((s) =>
      s.reasons.filter((r) => r.kind === 'planner-scenario').map((r) => ({ action: s.action.id, ...r })),
    );

    // marketing 2 and energy 2 have no action at exactly those levels in this guide; equipment 2 and 3 do
    expect(scenarioReasons).toEqual([
      {
        action: 'fb-equipment-sensing',
        kind: 'planner-scenario',
        scenario: 'equipment',
        from: 1,
        to: 3,
        targetLevel: 2,
        constraint: true,
        why: 'count',
      },
      {
        action: 'fb-equipment-management',
        kind: 'planner-scenario',
        scenario: 'equipment',
        from: 1,
        to: 3,
        targetLevel: 2,
        constraint: true,
        why: 'count',
      },
    ]);
    // every scenario step with a serving action at one of its levels is served
    for (const s of plan.scenarioSteps) {
      const servable = guide.actions.some((a) =>
        a.advances.scenarios.some((x) => x.id === s.id && s.levelsToTick.includes(x.level)),
      );
      expect(
        scenarioReasons.some((r) => r.scenario === s.id),
        s.id,
      ).toBe(servable);
    }
    // the item steps are served as planner items with gain 0
    const itemReasons = steps.flatMap((s) => s.reasons.filter((r) => r.kind === 'planner-item'));
    expect(new Set(itemReasons.map((r) => r.kind === 'planner-item' && r.question))).toEqual(
      new Set(plan.itemSteps.map((s) => s.id)),
    );
    for (const r of itemReasons) expect(r).toMatchObject({ gain: rat(0), targetLevel: 2 });
    expect(roadmap.counts.servingNext).toBeGreaterThan(0);
  });
});
