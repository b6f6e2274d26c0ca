/**
 * Cohort aggregation (issue "Many files"), table-driven with exact counts: members are real files scored
 * by the same code as the CLI, so every figure here is what `score --csv` would give for the same files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allScenarios,
  getRubric,
  loadRubric,
  loadedCostModel,
  planLevel,
  type Answers,
  type AssessmentInput,
  type ScenarioChecks,
} from '../../src/domain/index';
import { scoreMember, type CohortMember } from '../../src/domain/cohort/member';
import {
  blockers,
  closestToLevel2,
  distribution,
  latestPerEnterprise,
  scenarioHeatmap,
  suppressRows,
  suppressionThreshold,
  targetProgress,
  trends,
} from '../../src/domain/cohort/aggregate';
import { ALL_NONE, SCORE_20, SCORE_40, scenariosAt } from '../helpers';

beforeAll(async () => {
  await loadRubric('cn-sme-2024');
});

interface Spec {
  name?: string;
  year?: number;
  industry?: string;
  size?: string;
  answers: Answers;
  scenarios: Record<string, ScenarioChecks>;
}
let counter = 0;
const files = new Map<string, AssessmentInput>();
async function member(spec: Spec): Promise<CohortMember> {
  const profile = Object.fromEntries(
    Object.entries({ name: spec.name, year: spec.year, industry: spec.industry, size: spec.size }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const text = JSON.stringify({
    format: 'sme-digital-assessment',
    version: 1,
    rubric: 'cn-sme-2024',
    profile,
    answers: spec.answers,
    scenarios: spec.scenarios,
  });
  counter++;
  files.set(`h${counter}`, JSON.parse(text));
  const r = await scoreMember(text, `f${String(counter).padStart(3, '0')}.json`, `h${counter}`, loadedCostModel);
  if (!r.ok) throw new Error(r.invalid.error);
  return r.member;
}

const L0 = { answers: ALL_NONE, scenarios: {} };
const L1 = { answers: SCORE_20, scenarios: scenariosAt(1, 6, 3) };
const L2 = { answers: SCORE_40, scenarios: scenariosAt(2, 6, 3) };

describe('scoreMember', () => {
  it('gives the CLI result, the next level gap and the gap to 二级 with the planner cost', async () => {
    const m = await member({ name: '甲', year: 2026, ...L1 });
    expect(m.scored.result).toMatchObject({ rubric: 'cn-sme-2024', level: 1, score: 20 });
    expect(m.toLevel2).toEqual({
      target: 2,
      points: 20,
      scenarios: 6,
      constraintScenarios: 3,
      cost: planLevel(getRubric('cn-sme-2024')!, files.get(m.hash)!, 2, loadedCostModel('cn-sme-2024')!).cost,
    });
    expect(m.next).toEqual(m.toLevel2);
    expect(m.enterprise).toBe('name:甲');
  });

  it('reports an invalid file by its one-line error, like the CLI', async () => {
    const r = await scoreMember('{"format": 1}', 'bad.json', 'hb', loadedCostModel);
    expect(r).toEqual({
      ok: false,
      invalid: { hash: 'hb', source: 'bad.json', error: expect.stringMatching(/^format: /) },
    });
  });

  it('keeps a file without a name as its own enterprise', async () => {
    const a = await member({ ...L0 });
    const b = await member({ ...L0 });
    expect(a.enterprise).not.toBe(b.enterprise);
  });
});

describe('aggregates', () => {
  let members: CohortMember[];
  beforeAll(async () => {
    members = [
      await member({ name: 'A', year: 2025, industry: 'pharma', size: 'micro-small', ...L0 }),
      await member({ name: 'A', year: 2026, industry: 'pharma', size: 'micro-small', ...L2 }),
      await member({ name: 'B', year: 2026, industry: 'pharma', size: 'above-scale', ...L1 }),
      await member({ name: 'C', year: 2026, industry: 'auto', ...L0 }),
      await member({ name: 'D', year: 2027, industry: 'auto', ...L1 }),
      await member({ year: 2026, industry: 'auto', ...L2 }),
    ];
  });

  it('counts each enterprise once by its latest year; by year once per enterprise and year', () => {
    expect(latestPerEnterprise(members).map((m) => m.scored.profile.name ?? '-')).toHaveLength(5);
    expect(distribution(members, 'all')).toEqual([{ group: 'all', counts: [1, 2, 2, 0, 0], total: 5 }]);
    expect(distribution(members, 'industry')).toEqual([
      { group: 'auto', counts: [1, 1, 1, 0, 0], total: 3 },
      { group: 'pharma', counts: [0, 1, 1, 0, 0], total: 2 },
    ]);
    expect(distribution(members, 'size')).toEqual([
      { group: '', counts: [1, 1, 1, 0, 0], total: 3 },
      { group: 'above-scale', counts: [0, 1, 0, 0, 0], total: 1 },
      { group: 'micro-small', counts: [0, 0, 1, 0, 0], total: 1 },
    ]);
    expect(distribution(members, 'year')).toEqual([
      { group: '2025', counts: [1, 0, 0, 0, 0], total: 1 },
      { group: '2026', counts: [1, 1, 2, 0, 0], total: 4 },
      { group: '2027', counts: [0, 1, 0, 0, 0], total: 1 },
    ]);
  });

  it('builds the scenario heatmap over the latest assessments', () => {
    const rows = scenarioHeatmap(members, allScenarios(getRubric('cn-sme-2024')!));
    expect(rows).toHaveLength(16);
    for (const r of rows) expect(r.counts.reduce((a, b) => a + b, 0)).toBe(5);
    const first = rows.find((r) => r.scenario === 'product-design')!;
    expect(first.constraint).toBe(true);
    // scenariosAt ticks constraint scenarios first: product-design is among them
    expect(first.counts).toEqual([1, 2, 2, 0, 0]);
    expect(first.shares).toEqual([0.2, 0.4, 0.4, 0, 0]);
  });

  it('counts what blocks the next level, most frequent first', () => {
    expect(blockers(members)).toEqual([
      { level: 2, kind: 'score', count: 2 },
      { level: 2, kind: 'scenarios', count: 2 },
      { level: 2, kind: 'constraint-scenarios', count: 2 },
      { level: 3, kind: 'score', count: 2 },
      { level: 3, kind: 'scenarios', count: 2 },
      { level: 3, kind: 'constraint-scenarios', count: 2 },
      { level: 1, kind: 'score', count: 1 },
      { level: 1, kind: 'scenarios', count: 1 },
      { level: 1, kind: 'constraint-scenarios', count: 1 },
    ]);
  });

  it('orders those below 二级 by the planner cost, as a pairwise brute force agrees', () => {
    const list = closestToLevel2(members);
    expect(list.map((m) => m.scored.profile.name)).toEqual(['B', 'D', 'C']);
    const closer = (a: CohortMember, b: CohortMember) =>
      (a.toLevel2!.cost ?? Infinity) < (b.toLevel2!.cost ?? Infinity) ||
      ((a.toLevel2!.cost ?? Infinity) === (b.toLevel2!.cost ?? Infinity) && a.toLevel2!.points < b.toLevel2!.points);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) expect(closer(list[j]!, list[i]!)).toBe(false);
  });

  it('measures progress against a target up to its year', () => {
    expect(targetProgress(members, { level: 2, count: 3, year: 2026 })).toEqual({
      level: 2,
      count: 3,
      year: 2026,
      reached: 2,
      remaining: 1,
      share: 2 / 3,
    });
    expect(targetProgress(members, { level: 1, count: 3, year: 2027 })).toMatchObject({
      reached: 4,
      remaining: 0,
      share: 1,
    });
    expect(targetProgress(members, { level: 2, count: 0, year: 2027 })).toMatchObject({ share: 1 });
  });

  it('follows named enterprises over two or more years', () => {
    expect(trends(members)).toEqual([
      {
        enterprise: 'name:A',
        name: 'A',
        points: [
          { year: 2025, level: 0, score: 0 },
          { year: 2026, level: 2, score: 40 },
        ],
      },
    ]);
  });
});

describe('suppression of small groups in exports', () => {
  it.each([
    [undefined, 5],
    [3, 5],
    [5, 5],
    [7, 7],
    [7.2, 8],
    [Number.NaN, 5],
  ])('asked %s → threshold %s', (asked, expected) => expect(suppressionThreshold(asked)).toBe(expected));

  it('keeps the group name but hides the numbers of a group below the threshold', () => {
    const rows = [
      { group: 'a', counts: [1, 1, 1, 1, 0], total: 4 },
      { group: 'b', counts: [1, 1, 1, 1, 1], total: 5 },
    ];
    expect(suppressRows(rows)).toEqual([
      { group: 'a', counts: [null, null, null, null, null], total: null, suppressed: true },
      { group: 'b', counts: [1, 1, 1, 1, 1], total: 5, suppressed: false },
    ]);
    expect(suppressRows(rows, 6).every((r) => r.suppressed)).toBe(true);
    expect(suppressRows(rows, 2)[0]!.suppressed).toBe(true);
  });
});

describe('heatmap suppression', () => {
  it('hides every figure of a cohort smaller than the threshold', async () => {
    const { suppressHeatmap } = await import('../../src/domain/cohort/aggregate');
    const rows = [{ scenario: 'quality', constraint: true, counts: [4, 0, 0, 0, 0], shares: [1, 0, 0, 0, 0] }];
    expect(suppressHeatmap(rows, 4).suppressed).toBe(true);
    expect(suppressHeatmap(rows, 4).rows[0]!.counts.every(Number.isNaN)).toBe(true);
    expect(suppressHeatmap(rows, 5)).toEqual({ rows, suppressed: false });
    expect(suppressHeatmap(rows, 5, 6).suppressed).toBe(true);
  });
});
