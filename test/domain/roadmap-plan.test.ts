// Issue 17: size fit from seed 004's 梯次 rule, the seed's stage order, marks that agree with the counts,
// and the roadmap read as a plan (horizons, top three, owner, kind, effort).
import { describe, expect, it } from 'vitest';
import { getRubric, evaluate, planNextLevels, costModel, INDUSTRIES, type SizeClass } from '../../src/domain/index';
import { generateRoadmap, filterSteps, type Roadmap } from '../../src/domain/roadmap/generate';
import { fitsSize, stepWeight, SIZE_RULE_CITATION } from '../../src/domain/roadmap/size-fit';
import { CLOSING_ACTION } from '../../src/domain/roadmap/closing';
import { planRoadmap, quarterIndex } from '../../src/domain/roadmap/plan-view';
import { topActions } from '../../src/domain/journey/summary';
import { getGuide } from '../guides';
import { SCORE_40, scenariosAt } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const costs = costModel(rubric);
const input = { answers: SCORE_40, scenarios: scenariosAt(1, 6, 3) };
const evaluation = evaluate(rubric, input);
const plans = planNextLevels(rubric, input, costs);
const roadmap = (industry: (typeof INDUSTRIES)[number], size?: SizeClass, state = {}): Roadmap =>
  generateRoadmap({ rubric, guide: getGuide(industry), size, evaluation, plans, state });
const ids = (steps: { action: { id: string } }[]) => steps.map((s) => s.action.id);
const NOW = Date.UTC(2026, 10, 15); // 2026-Q4

describe('size fit (seed 004, 四(三) 梯次)', () => {
  it('cites the 梯次 passage of the national implementation guide', () => {
    expect(SIZE_RULE_CITATION.seed).toMatch(/^004_/);
    expect(SIZE_RULE_CITATION.passage['zh-CN']).toContain('小微企业');
  });

  it.each(INDUSTRIES)(
    '%s: 小微 and 小巨人 get different, size-appropriate roadmaps from the same answers',
    (industry) => {
      const small = roadmap(industry, 'micro-small');
      const giant = roadmap(industry, 'little-giant');
      const smallPlan = filterSteps(small, { fittingOnly: true });
      const giantPlan = filterSteps(giant, { fittingOnly: true });
      expect(ids(smallPlan)).not.toEqual(ids(giantPlan));
      // 小微: only light steps (cloud subscriptions, planning, organisation), a short list
      expect(smallPlan.every((s) => s.weight === 'light')).toBe(true);
      expect(smallPlan.length).toBeGreaterThanOrEqual(5);
      expect(smallPlan.length).toBeLessThanOrEqual(15);
      // 小巨人: everything, basics included (004 never tells a little giant to skip them)
      expect(giantPlan.length).toBe(giant.steps.length);
      expect(giantPlan.some((s) => s.weight === 'integrated')).toBe(true);
      // the same step set, only the fit differs
      expect([...ids(small.steps)].sort()).toEqual([...ids(giant.steps)].sort());
    },
  );

  it('applies one rule in every guide: the weight alone decides', () => {
    for (const industry of INDUSTRIES)
      for (const a of getGuide(industry).actions) {
        expect(fitsSize(a, 'little-giant')).toBe(true);
        expect(fitsSize(a, 'micro-small')).toBe(stepWeight(a) === 'light');
        expect(fitsSize(a, 'above-scale')).toBe(stepWeight(a) !== 'integrated');
        expect(fitsSize(a, 'provincial-specialized')).toBe(fitsSize(a, 'above-scale'));
      }
  });
});

describe('seed order and closing stage', () => {
  it('electrical: basic management systems (管理效率提升, the seed’s first stage) come before equipment retrofit', () => {
    const r = roadmap('electrical', 'above-scale');
    const order = ids(r.steps);
    expect(order.indexOf('el-basic-management-systems')).toBeLessThan(order.indexOf('el-retrofit-urgent-processes'));
    expect(r.steps.find((s) => s.action.id === 'el-basic-management-systems')!.phase).toBe('management-efficiency');
    expect(r.phases.map((p) => p.stage.id)).toEqual([
      ...getGuide('electrical').stages.map((s) => s.id),
      'iterate-optimise',
    ]);
  });

  it.each(INDUSTRIES)('%s: steps follow the guide’s own stage order and end with 推进迭代优化', (industry) => {
    const r = roadmap(industry, 'micro-small');
    const phaseIds = r.phases.map((p) => p.stage.id);
    const order = r.steps.map((s) => phaseIds.indexOf(s.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(r.steps.at(-1)!.action.id).toBe(CLOSING_ACTION.id);
    expect(r.phases.flatMap((p) => p.steps)).toEqual(r.steps);
  });
});

describe('counts and marks agree', () => {
  it.each(INDUSTRIES)('%s', (industry) => {
    const r = roadmap(industry, 'micro-small');
    expect(r.counts.servingNext).toBe(r.steps.filter((s) => s.serves === 'next').length);
    expect(r.counts.servingNext).toBeGreaterThan(0);
    for (const s of r.steps) {
      if (s.serves === 'next') expect(s.effect.levelTarget).toBe(plans[0]!.target);
      if (s.serves === 'after-next') expect(s.effect.levelTarget).toBe(plans[1]!.target);
      if (s.serves === undefined) expect(s.effect.levelTarget).toBeUndefined();
    }
  });
});

describe('the roadmap as a plan', () => {
  it.each(INDUSTRIES)(
    '%s: 小微 sees its first three actions, serving the next level first, all fitting',
    (industry) => {
      const r = roadmap(industry, 'micro-small');
      const p = planRoadmap(r, { now: NOW, costs, fittingOnly: true });
      expect(p.top.length).toBe(3);
      expect(p.top.every((x) => x.step.fitsSize && x.step.status === 'open')).toBe(true);
      const ranks = p.top.map((x) => (x.step.serves === 'next' ? 0 : x.step.serves === 'after-next' ? 1 : 2));
      expect(ranks).toEqual([...ranks].sort());
      const all = [...p.horizons.days90, ...p.horizons.year, ...p.horizons.years];
      expect(all.length).toBe(filterSteps(r, { fittingOnly: true, status: 'open' }).length);
      for (const x of all) {
        expect(['small', 'medium', 'large']).toContain(x.effort);
        expect(x.owner).toBeTruthy();
        expect(x.kind).toBeTruthy();
      }
    },
  );

  it('a target quarter decides the horizon; the quarter timeline spans first to last quarter', () => {
    const first = roadmap('food-beverage', 'little-giant');
    const open = first.steps.filter((s) => s.status === 'open');
    const [a, b, c] = [open[0]!.action.id, open[1]!.action.id, open[2]!.action.id];
    const r = roadmap('food-beverage', 'little-giant', {
      [a]: { quarter: '2026-Q4' },
      [b]: { quarter: '2027-Q3' },
      [c]: { quarter: '2028-Q1' },
    });
    const p = planRoadmap(r, { now: NOW, costs });
    const horizon = (id: string) =>
      Object.entries(p.horizons).find(([, l]) => l.some((x) => x.step.action.id === id))![0];
    expect([horizon(a), horizon(b), horizon(c)]).toEqual(['days90', 'year', 'years']);
    expect(p.quarters.map((q) => q.quarter)).toEqual([
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
      '2027-Q4',
      '2028-Q1',
    ]);
    expect(ids(p.quarters[0]!.steps)).toEqual([a]);
    expect(quarterIndex('2027-Q5')).toBeUndefined();
  });

  it.each(INDUSTRIES)('%s: the screen and the report (summary, Excel) give every step the same horizon', (industry) => {
    for (const size of ['micro-small', 'little-giant'] as const) {
      const open = roadmap(industry, size).steps.filter((s) => s.status === 'open');
      // quarters now, this year and later on some steps, none on the rest
      const r = roadmap(industry, size, {
        [open[1]!.action.id]: { quarter: '2026-Q4' },
        [open[2]!.action.id]: { quarter: '2027-Q2' },
        [open[3]!.action.id]: { quarter: '2029-Q1' },
      });
      const screen = new Map(
        Object.values(planRoadmap(r, { now: NOW, costs }).horizons).flatMap((l) =>
          l.map((x) => [x.step.action.id, x.horizon] as const),
        ),
      );
      const report = topActions(r, evaluation.level, NOW, Infinity);
      expect(report.length).toBe(screen.size);
      for (const a of report)
        expect([a.step.action.id, a.horizon]).toEqual([a.step.action.id, screen.get(a.step.action.id)]);
      expect(new Set(report.map((a) => a.horizon)).size).toBeGreaterThan(1);
    }
  });
});
