import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  getRubric,
  evaluate,
  allScenarios,
  questionsOf,
  planNextLevels,
  costModel,
  rat,
  CANONICAL_STAGES,
  Guide,
  type Action,
  type AssessmentInput,
  type Plan,
  type Question,
  type ScenarioChecks,
  type SizeClass,
  type RoadmapStepState,
} from '../../src/domain/index';
import { GUIDE_SEEDS } from '../../src/domain/roadmap/guides';
import { CLOSING_ACTION } from '../../src/domain/roadmap/closing';
import { getGuide } from '../guides';

import {
  generateRoadmap,
  filterSteps,
  RoadmapError,
  type Roadmap,
  type RoadmapStep,
} from '../../src/domain/roadmap/generate';
import { SCORE_40, scenariosAt } from '../helpers';
import { rng } from '../random';

const rubric = getRubric('cn-sme-2024')!;
const costs = costModel(rubric);
const SEED_FILES = [
  '000_643d5da1635969b5.txt',
  '001_9fbff64ec90cc4b1.txt',
  '002_1d3786b8b01552d4.txt',
  '003_7c0bdfd410afae87.txt',
  '004_da03dfd078097c3b.txt',
];
const ALL_SIZES = ['micro-small', 'above-scale', 'provincial-specialized', 'little-giant'] as const;

// ── a small hand-built guide ────────────────────────────────────────────────────────────────────────

const text = (zh: string, en = zh.replace(/[^\x20-\x7e]/g, '').trim() || 'text') => ({ 'zh-CN': zh, en });
const citation = {
  seed: '004_da03dfd078097c3b.txt',
  heading: '（一）测试',
  passage: text('测试段落', 'test passage'),
};
const act = (
  id: string,
  stage: (typeof CANONICAL_STAGES)[number],
  advances: { scenarios?: { id: string; level: number }[]; questions?: string[] },
  more: Partial<Pick<Action, 'prerequisites' | 'systems' | 'enabling' | 'valueTags'>> = {},
) => ({
  id,
  stage,
  title: text(`标题 ${id}`, `Title ${id}`),
  description: text(`说明 ${id}`, `Description ${id}`),
  systems: more.systems ?? [],
  advances: { questions: advances.questions ?? [], scenarios: advances.scenarios ?? [] },
  valueTags: more.valueTags ?? ['cost-efficiency'],
  prerequisites: more.prerequisites ?? [],
  enabling: more.enabling ?? false,
  citation,
});

/** Guide order on purpose differs from the expected roadmap order in places. */
const FIXTURE_ACTIONS = [
  act('x-org', 'technical-retrofit', { questions: ['q8'] }, { enabling: true }),
  act(
    'x-retrofit',
    'technical-retrofit',
    { scenarios: [{ id: 'production', level: 2 }] },
    // a deep retrofit (seed 004's 梯次): not for 小微
    { systems: ['PLC'] },
  ),
  act('x-sensors', 'full-sensing', { scenarios: [{ id: 'production', level: 2 }] }, { prerequisites: ['x-network'] }),
  act(
    'x-network',
    'full-sensing',
    { scenarios: [{ id: 'equipment', level: 3 }] },
    { valueTags: ['quality-traceability'] },
  ),
  act(
    'x-erp',
    'application-completion',
    { scenarios: [{ id: 'planning', level: 2 }], questions: ['q5'] },
    { prerequisites: ['x-org'] },
  ),
  act(
    'x-mes',
    'application-completion',
    {
      scenarios: [
        { id: 'production', level: 2 },
        { id: 'planning', level: 1 },
      ],
    },
    { prerequisites: ['x-erp'] },
  ),
  act('x-security', 'application-completion', {}, { enabling: true, valueTags: ['safety-compliance'] }),
  act('x-bi', 'data-insight', { scenarios: [{ id: 'decision', level: 3 }] }, { prerequisites: ['x-erp'] }),
  act('x-dash', 'data-insight', { scenarios: [{ id: 'decision', level: 2 }] }, { systems: ['digital-twin'] }),
  act(
    'x-platform',
    'collaborative-development',
    { scenarios: [{ id: 'collaboration', level: 4 }] },
    {
      prerequisites: ['x-bi'],
    },
  ),
];

const fixtureGuide = (actions: unknown[] = FIXTURE_ACTIONS) =>
  v.parse(Guide, {
    industry: 'other',
    name: text('测试行业', 'Test industry'),
    sources: [{ seed: citation.seed, title: text('测试文件', 'Test document') }],
    needs: [{ title: text('需求', 'Need'), text: text('需求说明', 'Need text'), citation }],
    architectureLayers: [{ name: text('层', 'Layer'), text: text('层说明', 'Layer text'), citation }],
    typicalScenarios: [{ name: text('场景', 'Scenario'), text: text('场景说明', 'Text'), scenarios: [], citation }],
    stages: [
      {
        id: 'first',
        name: text('起步', 'Start'),
        canonical: ['technical-retrofit', 'full-sensing'],
        reason: text('理由', 'Reason'),
        citation,
      },
      {
        id: 'second',
        name: text('深化', 'Deepen'),
        canonical: ['application-completion', 'data-insight', 'collaborative-development'],
        reason: text('理由', 'Reason'),
        citation,
      },
    ],
    actions,
  });

const T = true;
const F = false;
/** production at 1, equipment at 2, q8 at its maximum (option 5 of 6), q5 at option 1 of 5. */
const FIXTURE_INPUT: AssessmentInput = {
  answers: { q8: 5, q5: 1 },
  scenarios: { production: [T, F, F, F], equipment: [T, T, F, F] },
};
const fixtureEvaluation = evaluate(rubric, FIXTURE_INPUT);

/** Hand-made plans, so the expectations do not depend on the cost model. */
const PLANS: Plan[] = [
  {
    target: 2,
    reachable: true,
    cost: 4,
    scoreGap: rat(1),
    scoreGain: rat(5, 4),
    scenarioSteps: [
      { id: 'production', constraint: true, from: 1, to: 2, levelsToTick: [2], cost: 1, reason: 'constraint' },
      { id: 'planning', constraint: false, from: 0, to: 2, levelsToTick: [1, 2], cost: 2, reason: 'count' },
    ],
    itemSteps: [{ id: 'q5', kind: 'raise-option', from: 1, to: 2, gain: rat(5, 4), cost: 1 }],
  },
  {
    target: 3,
    reachable: true,
    cost: 3,
    scoreGap: rat(0),
    scoreGain: rat(0),
    scenarioSteps: [
      { id: 'decision', constraint: false, from: 0, to: 3, levelsToTick: [1, 2, 3], cost: 3, reason: 'count' },
    ],
    itemSteps: [],
  },
];

const fixtureRoadmap = (size: SizeClass | 'unknown' = 'micro-small', state?: Record<string, RoadmapStepState>) =>
  generateRoadmap({
    rubric,
    guide: fixtureGuide(),
    ...(size === 'unknown' ? {} : { size }),
    evaluation: fixtureEvaluation,
    plans: PLANS,
    state,
  });

/** The guide's own steps (the closing step of seed 004 every roadmap ends with is tested on its own). */
const allSteps = (r: Roadmap) => r.steps.filter((s) => s.action.id !== CLOSING_ACTION.id);
const ids = (r: Roadmap) => allSteps(r).map((s) => s.action.id);
const step = (r: Roadmap, id: string) => r.steps.find((s) => s.action.id === id)!;
const serving = (s: RoadmapStep) => s.effect.levelTarget !== undefined;

describe('roadmap of a hand-built guide', () => {
  it('lists every action once, by stage, prerequisites first, planner-serving first, fitting first', () => {
    const r = fixtureRoadmap();
    expect(r.industry).toBe('other');
    expect(r.stages.map((s) => s.stage)).toEqual([...CANONICAL_STAGES]);
    expect(r.stages.map((s) => s.steps.map((x) => x.action.id))).toEqual([
      ['x-org', 'x-retrofit'],
      ['x-network', 'x-sensors'],
      ['x-erp', 'x-mes', 'x-security'],
      ['x-bi', 'x-dash'],
      ['x-platform', 'iterate-optimise'],
    ]);
    expect(r.stages.map((s) => s.industryStages.map((x) => x.id))).toEqual([
      ['first'],
      ['first'],
      ['second'],
      ['second'],
      ['second'],
    ]);
    expect(
      allSteps(r)
        .filter(serving)
        .map((s) => s.action.id),
    ).toEqual(['x-network', 'x-sensors', 'x-erp', 'x-mes', 'x-bi', 'x-dash']);
    expect(r.counts).toEqual({ total: 11, done: 1, open: 10, notRelevant: 0, servingNext: 4 });
  });

  it('gives structured reasons: planner targets, prerequisites, stage, enabling', () => {
    const r = fixtureRoadmap();
    const production = {
      kind: 'planner-scenario',
      scenario: 'production',
      from: 1,
      to: 2,
      targetLevel: 2,
      constraint: true,
      why: 'constraint',
    };
    const planning = {
      kind: 'planner-scenario',
      scenario: 'planning',
      from: 0,
      to: 2,
      targetLevel: 2,
      constraint: false,
      why: 'count',
    };
    const decision = {
      kind: 'planner-scenario',
      scenario: 'decision',
      from: 0,
      to: 3,
      targetLevel: 3,
      constraint: false,
      why: 'count',
    };
    expect(Object.fromEntries(allSteps(r).map((s) => [s.action.id, s.reasons]))).toEqual({
      'x-org': [{ kind: 'enabling' }],
      'x-retrofit': [{ kind: 'stage', stage: 'technical-retrofit' }],
      // production 1 → 2: the fitting action of the earliest stage (x-retrofit does not fit a micro firm)
      'x-sensors': [production],
      'x-network': [{ kind: 'prerequisite', of: 'x-sensors' }],
      // planning level 1: only x-mes lists it; level 2 and q5: x-erp, also x-mes's and x-bi's prerequisite
      'x-mes': [planning],
      'x-erp': [
        { kind: 'prerequisite', of: 'x-mes' },
        planning,
        { kind: 'planner-item', question: 'q5', gain: rat(5, 4), targetLevel: 2 },
        { kind: 'prerequisite', of: 'x-bi' },
      ],
      'x-security': [{ kind: 'enabling' }],
      // the level after: decision 2 only by x-dash (chosen although it does not fit), 3 by x-bi
      'x-bi': [decision],
      'x-dash': [decision],
      'x-platform': [{ kind: 'stage', stage: 'collaborative-development' }],
    });
    expect(Object.fromEntries(allSteps(r).map((s) => [s.action.id, s.effect.levelTarget ?? null]))).toEqual({
      'x-org': null,
      'x-retrofit': null,
      'x-sensors': 2,
      'x-network': 2,
      'x-mes': 2,
      'x-erp': 2,
      'x-security': null,
      'x-bi': 3,
      'x-dash': 3,
      'x-platform': null,
    });
  });

  it('describes each effect from the current state, and carries the citation', () => {
    const r = fixtureRoadmap();
    expect(step(r, 'x-erp').effect).toEqual({
      scenarios: [{ id: 'planning', from: 0, to: 2 }],
      questions: ['q5'],
      levelTarget: 2,
    });
    expect(step(r, 'x-network').effect.scenarios).toEqual([{ id: 'equipment', from: 2, to: 3 }]);
    expect(step(r, 'x-org').effect).toEqual({ scenarios: [], questions: [] });
    expect(step(r, 'x-erp').citation).toEqual(citation);
    expect(step(r, 'x-erp').stage).toBe('application-completion');
  });

  it('marks an action done by itself when the assessment already meets it', () => {
    const r = fixtureRoadmap();
    // questions only, all at their maximum
    expect(step(r, 'x-org')).toMatchObject({ status: 'done', auto: true });
    // enabling with nothing listed: never auto-done
    expect(step(r, 'x-security')).toMatchObject({ status: 'open', auto: false });
    // scenarios: every listed one at or above its level
    const met = evaluate(rubric, {
      answers: {},
      scenarios: { ...FIXTURE_INPUT.scenarios, production: [T, T, F, F], planning: [T, F, F, F] },
    });
    const r2 = generateRoadmap({ rubric, guide: fixtureGuide(), evaluation: met, plans: [] });
    expect(step(r2, 'x-sensors')).toMatchObject({ status: 'done', auto: true });
    expect(step(r2, 'x-retrofit')).toMatchObject({ status: 'done', auto: true });
    // production met but planning only at 1 of 2
    expect(step(r2, 'x-mes')).toMatchObject({ status: 'done', auto: true });
    expect(step(r2, 'x-erp')).toMatchObject({ status: 'open', auto: false });
    // q8 no longer at its maximum
    expect(step(r2, 'x-org')).toMatchObject({ status: 'open', auto: false });
    expect(r2.counts).toMatchObject({ done: 3, servingNext: 0 });
  });

  it('lets the user status win over the automatic one, and keeps quarter and note', () => {
    const r = fixtureRoadmap('micro-small', {
      'x-org': { status: 'open' },
      'x-sensors': { status: 'done', quarter: '2026-Q1', note: '已完成扫码' },
      'x-security': { status: 'not-relevant' },
      'x-platform': { quarter: '2028-Q4' },
    });
    expect(step(r, 'x-org')).toMatchObject({ status: 'open', auto: false });
    expect(step(r, 'x-sensors')).toMatchObject({ status: 'done', auto: false, quarter: '2026-Q1', note: '已完成扫码' });
    expect(step(r, 'x-security')).toMatchObject({ status: 'not-relevant', auto: false });
    expect(step(r, 'x-platform')).toMatchObject({ status: 'open', quarter: '2028-Q4' });
    expect(step(r, 'x-platform')).not.toHaveProperty('note');
    // x-sensors is done, so production goes to the next fitting action; x-org is open again, so x-erp pulls it
    expect(step(r, 'x-mes').reasons[0]).toMatchObject({ kind: 'planner-scenario', scenario: 'production' });
    expect(step(r, 'x-network').reasons).toEqual([{ kind: 'stage', stage: 'full-sensing' }]);
    expect(step(r, 'x-org').reasons).toEqual([{ kind: 'prerequisite', of: 'x-erp' }]);
    expect(r.counts).toEqual({ total: 11, done: 1, open: 9, notRelevant: 1, servingNext: 3 });
  });

  it('flags actions that do not fit the size, lists them after fitting ones, and fits everything when size is unknown', () => {
    const small = fixtureRoadmap('micro-small');
    expect(
      allSteps(small)
        .filter((s) => !s.fitsSize)
        .map((s) => s.action.id),
    ).toEqual(['x-retrofit', 'x-dash', 'x-platform']);
    const giant = fixtureRoadmap('little-giant');
    expect(
      allSteps(giant)
        .filter((s) => !s.fitsSize)
        .map((s) => s.action.id),
    ).toEqual([]);
    const unknown = fixtureRoadmap('unknown');
    expect(allSteps(unknown).every((s) => s.fitsSize)).toBe(true);
    // everything fits: the earliest-stage action serves production, and leads its stage
    expect(step(unknown, 'x-retrofit').reasons[0]).toMatchObject({ scenario: 'production' });
    expect(unknown.stages[0]!.steps.map((s) => s.action.id)).toEqual(['x-retrofit', 'x-org']);
    expect(step(unknown, 'x-sensors').reasons).toEqual([{ kind: 'stage', stage: 'full-sensing' }]);
  });

  it('lists a dependant in its prerequisite’s stage when the guide puts the prerequisite later', () => {
    const actions = FIXTURE_ACTIONS.map((a) => (a.id === 'x-network' ? { ...a, stage: 'data-insight' as const } : a));
    const r = generateRoadmap({ rubric, guide: fixtureGuide(actions), evaluation: fixtureEvaluation, plans: PLANS });
    expect(step(r, 'x-sensors').stage).toBe('data-insight');
    expect(step(r, 'x-sensors').action.stage).toBe('full-sensing');
    expect(ids(r).indexOf('x-network')).toBeLessThan(ids(r).indexOf('x-sensors'));
  });

  it('throws on prerequisite cycles and unknown prerequisites', () => {
    const cyclic = FIXTURE_ACTIONS.map((a) => (a.id === 'x-org' ? { ...a, prerequisites: ['x-mes'] } : a));
    expect(() =>
      generateRoadmap({ rubric, guide: fixtureGuide(cyclic), evaluation: fixtureEvaluation, plans: PLANS }),
    ).toThrow(RoadmapError);
    const dangling = FIXTURE_ACTIONS.map((a) => (a.id === 'x-org' ? { ...a, prerequisites: ['x-nowhere'] } : a));
    expect(() =>
      generateRoadmap({ rubric, guide: fixtureGuide(dangling), evaluation: fixtureEvaluation, plans: PLANS }),
    ).toThrow(/unknown prerequisite x-nowhere/);
  });

  it('filters the list view by scenario, value tag and status', () => {
    const r = fixtureRoadmap('micro-small', { 'x-security': { status: 'not-relevant' } });
    expect(filterSteps(r).map((s) => s.action.id)).toEqual([...ids(r), CLOSING_ACTION.id]);
    expect(filterSteps(r, { scenario: 'production' }).map((s) => s.action.id)).toEqual([
      'x-retrofit',
      'x-sensors',
      'x-mes',
    ]);
    expect(filterSteps(r, { valueTag: 'safety-compliance' }).map((s) => s.action.id)).toEqual(['x-security']);
    expect(filterSteps(r, { status: 'done' }).map((s) => s.action.id)).toEqual(['x-org']);
    expect(filterSteps(r, { status: ['done', 'not-relevant'] }).map((s) => s.action.id)).toEqual([
      'x-org',
      'x-security',
    ]);
    expect(filterSteps(r, { scenario: 'production', status: 'done' })).toEqual([]);
  });
});

// ── the bundled guides with the real planner ────────────────────────────────────────────────────────

const questions = questionsOf(rubric);
const scenarioIds = allScenarios(rubric).map((s) => s.id);

function randomAnswer(q: Question, r: ReturnType<typeof rng>) {
  if (q.type === 'single') return r.int(q.options.length);
  if (r.next() < 0.3) return [0];
  const picked = [...Array(q.options.length - 1).keys()].map((i) => i + 1).filter(() => r.next() < 0.4);
  return picked.length ? picked : [0];
}

function randomInput(seed: number): AssessmentInput {
  const r = rng(seed);
  const answers: Record<string, number | number[]> = {};
  for (const q of questions) if (r.next() < 0.9) answers[q.id] = randomAnswer(q, r);
  const scenarios: Record<string, ScenarioChecks> = {};
  for (const id of scenarioIds) scenarios[id] = [r.next() < 0.7, r.next() < 0.5, r.next() < 0.3, r.next() < 0.1];
  return { answers, scenarios };
}

const INDUSTRIES = [
  'food-beverage',
  'pharma',
  'agri-food',
  'electrical',
  'auto',
  'building-materials',
  'other',
] as const;

const plansFor = (seed: number) => planNextLevels(rubric, randomInput(seed), costs);

function roadmapFor(industry: (typeof INDUSTRIES)[number], input: AssessmentInput, size?: SizeClass) {
  return generateRoadmap({
    rubric,
    guide: getGuide(industry),
    size,
    evaluation: evaluate(rubric, input),
    plans: planNextLevels(rubric, input, costs),
  });
}

/** Every (transitive) prerequisite of an action. */
function ancestors(r: Roadmap, id: string, seen = new Set<string>()): Set<string> {
  for (const p of step(r, id).action.prerequisites)
    if (!seen.has(p)) {
      seen.add(p);
      ancestors(r, p, seen);
    }
  return seen;
}

describe('roadmaps from the bundled guides', () => {
  const cases = [...Array(40).keys()].map((seed) => ({
    seed,
    industry: INDUSTRIES[seed % INDUSTRIES.length]!,
    size: seed % 5 === 4 ? undefined : ALL_SIZES[seed % 4],
  }));

  it('are deterministic and JSON-stable', () => {
    for (const { seed, industry, size } of cases.slice(0, 14)) {
      const input = randomInput(seed);
      const a = roadmapFor(industry, input, size);
      const b = roadmapFor(industry, structuredClone(input), size);
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
  });

  it('keep the guide’s stage order, put prerequisites before dependants and planner-serving steps first within a stage', () => {
    for (const { seed, industry, size } of cases) {
      const r = roadmapFor(industry, randomInput(seed), size);
      const list = ids(r);
      expect([...list].sort()).toEqual(
        getGuide(industry)
          .actions.map((a) => a.id)
          .sort(),
      );
      expect(r.stages.map((s) => s.stage)).toEqual([...CANONICAL_STAGES]);
      // the guide's own stage order wins (seed order), the canonical stage orders the steps within one
      const phaseIds = r.phases.map((p) => p.stage.id);
      const order = r.steps.map((s) => phaseIds.indexOf(s.phase) * 10 + CANONICAL_STAGES.indexOf(s.stage));
      expect(order).toEqual([...order].sort((x, y) => x - y));
      expect(r.steps.at(-1)!.action.id).toBe(CLOSING_ACTION.id);
      for (const s of allSteps(r)) {
        expect(CANONICAL_STAGES.indexOf(s.stage)).toBeGreaterThanOrEqual(CANONICAL_STAGES.indexOf(s.action.stage));
        for (const p of s.action.prerequisites) expect(list.indexOf(p)).toBeLessThan(list.indexOf(s.action.id));
      }
      // within a stage: fitting before not fitting, then next level, level after, the rest — unless a
      // step is held up as the prerequisite of a step placed at least as well
      const next = plansFor(seed)[0]?.target;
      const place = (x: RoadmapStep) => [
        Number(!x.fitsSize),
        x.effect.levelTarget === undefined ? 2 : x.effect.levelTarget === next ? 0 : 1,
      ];
      const worse = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);
      const groups = r.phases.flatMap((p) => CANONICAL_STAGES.map((c) => p.steps.filter((x) => x.stage === c)));
      for (const st of groups.map((steps) => ({ steps })))
        st.steps.forEach((s, i) => {
          for (const x of st.steps.slice(i + 1))
            if (worse(place(s), place(x)))
              expect(
                st.steps.some((d) => !worse(place(d), place(x)) && ancestors(r, d.action.id).has(s.action.id)),
                `${industry}/${seed}: ${s.action.id} before ${x.action.id}`,
              ).toBe(true);
        });
      expect(r.counts.servingNext).toBe(allSteps(r).filter((s) => s.effect.levelTarget === next).length);
      expect(r.counts.total).toBe(r.steps.length);
      expect(r.counts.done + r.counts.open + r.counts.notRelevant).toBe(r.steps.length);
    }
  });

  it('give planner reasons that match the plan for the next level', () => {
    const input = { answers: SCORE_40, scenarios: scenariosAt(1, 6, 3) };
    const plans = planNextLevels(rubric, input, costs);
    expect(plans.map((p) => p.target)).toEqual([2, 3]);
    const r = roadmapFor('food-beverage', input, 'micro-small');
    const reasons = allSteps(r).flatMap((s) => s.reasons);
    for (const reason of reasons.filter((x) => x.kind === 'planner-scenario'))
      expect(plans.find((p) => p.target === reason.targetLevel)!.scenarioSteps.map((s) => s.id)).toContain(
        reason.scenario,
      );
    for (const reason of reasons.filter((x) => x.kind === 'planner-item'))
      expect(plans.find((p) => p.target === reason.targetLevel)!.itemSteps.map((s) => s.id)).toContain(reason.question);
    expect(r.counts.servingNext).toBeGreaterThan(0);
    // every serving step advances what its planner reason names
    for (const s of allSteps(r))
      for (const reason of s.reasons)
        if (reason.kind === 'planner-scenario')
          expect(s.action.advances.scenarios.map((x) => x.id)).toContain(reason.scenario);
  });

  it('differ by industry for the same answers, each step citing one of the seed files', () => {
    const input = { answers: SCORE_40, scenarios: scenariosAt(1, 6, 3) };
    const food = roadmapFor('food-beverage', input, 'micro-small');
    const building = roadmapFor('building-materials', input, 'micro-small');
    const foodIds = new Set(ids(food));
    const buildingIds = ids(building);
    expect(buildingIds.filter((id) => foodIds.has(id))).toEqual([]);
    expect(food.industry).toBe('food-beverage');
    expect(building.industry).toBe('building-materials');
    for (const r of [food, building])
      for (const s of allSteps(r)) {
        expect(SEED_FILES).toContain(s.citation.seed);
        expect(Object.keys(GUIDE_SEEDS)).toContain(s.citation.seed);
        expect(s.citation.heading.length).toBeGreaterThan(1);
        expect(s.citation.passage['zh-CN'].length).toBeGreaterThan(0);
      }
    // the building-materials guide comes from the Hainan roadmap, part 建材制造业
    expect(allSteps(building).every((s) => s.citation.part === '建材制造业')).toBe(true);
  });

  it('fall back to the general guide when the industry is unknown', () => {
    expect(getGuide(undefined).industry).toBe('other');
    expect(getGuide('auto').industry).toBe('auto');
    expect(getGuide('auto')).toBe(getGuide('auto'));
  });
});
