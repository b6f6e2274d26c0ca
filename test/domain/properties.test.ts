import { describe, expect, it } from 'vitest';
import {
  getRubric,
  evaluate,
  questionsOf,
  allScenarios,
  cmp,
  sum,
  type Answers,
  type ScenarioChecks,
  type Question,
} from '../../src/domain/index';
import { rng } from '../random';

const rubric = getRubric('cn-sme-2024')!;
const questions = questionsOf(rubric);
const scenarioIds = allScenarios(rubric).map((s) => s.id);

function randomAnswer(q: Question, r: ReturnType<typeof rng>) {
  if (q.type === 'single') return r.int(q.options.length);
  if (r.next() < 0.2) return [0];
  const picked = [...Array(q.options.length - 1).keys()].map((i) => i + 1).filter(() => r.next() < 0.5);
  return picked.length ? picked : [0];
}

function randomSet(seed: number) {
  const r = rng(seed);
  const answers: Record<string, number | number[]> = {};
  for (const q of questions) if (r.next() < 0.9) answers[q.id] = randomAnswer(q, r);
  const scenarios: Record<string, ScenarioChecks> = {};
  for (const id of scenarioIds) scenarios[id] = [r.next() < 0.8, r.next() < 0.6, r.next() < 0.4, r.next() < 0.2];
  return { answers, scenarios, r };
}

describe('properties over 500 random answer sets', () => {
  const seeds = [...Array(500).keys()];

  it('adding an option to a multiple choice never lowers the score', () => {
    for (const seed of seeds) {
      const { answers, r } = randomSet(seed);
      const multi = questions.filter((q) => q.type === 'multiple');
      const q = r.pick(multi);
      const current = answers[q.id];
      const chosen = Array.isArray(current) && !current.includes(0) ? current : [];
      const free = [...Array(q.options.length - 1).keys()].map((i) => i + 1).filter((i) => !chosen.includes(i));
      if (!free.length) continue;
      const more: Answers = { ...answers, [q.id]: [...chosen, r.pick(free)] };
      const before = evaluate(rubric, { answers, scenarios: {} }).score.total;
      const after = evaluate(rubric, { answers: more, scenarios: {} }).score.total;
      expect(cmp(after, before), `seed ${seed} ${q.id}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('a later single-choice option never scores less', () => {
    for (const seed of seeds) {
      const { answers, r } = randomSet(seed);
      const q = r.pick(questions.filter((x) => x.type === 'single'));
      const i = typeof answers[q.id] === 'number' ? (answers[q.id] as number) : 0;
      if (i + 1 >= q.options.length) continue;
      const before = evaluate(rubric, { answers, scenarios: {} }).score.total;
      const after = evaluate(rubric, { answers: { ...answers, [q.id]: i + 1 }, scenarios: {} }).score.total;
      expect(cmp(after, before), `seed ${seed} ${q.id}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('raising a scenario level never lowers the overall level', () => {
    for (const seed of seeds) {
      const { answers, scenarios, r } = randomSet(seed);
      const id = r.pick(scenarioIds);
      const current = evaluate(rubric, { answers, scenarios });
      const lvl = current.scenarios.find((s) => s.id === id)!.level;
      if (lvl === 4) continue;
      const raised = [0, 1, 2, 3].map((i) => i <= lvl || scenarios[id]![i]!) as unknown as ScenarioChecks;
      const after = evaluate(rubric, { answers, scenarios: { ...scenarios, [id]: raised } });
      expect(after.scenarios.find((s) => s.id === id)!.level).toBeGreaterThan(lvl);
      expect(after.level, `seed ${seed} ${id}`).toBeGreaterThanOrEqual(current.level);
    }
  });

  it('the total equals the sum of the items, of the secondaries and of the dimensions', () => {
    for (const seed of seeds) {
      const { answers } = randomSet(seed);
      const s = evaluate(rubric, { answers, scenarios: {} }).score;
      expect(sum(s.items.map((i) => i.points))).toEqual(s.total);
      expect(sum(s.secondaries.map((i) => i.points))).toEqual(s.total);
      expect(sum(s.dimensions.map((i) => i.points))).toEqual(s.total);
    }
  });

  it('the level is the highest k whose three conditions hold', () => {
    for (const seed of seeds) {
      const { answers, scenarios } = randomSet(seed);
      const e = evaluate(rubric, { answers, scenarios });
      const holds = e.checks.filter((c) => c.conditions.every((x) => x.met)).map((c) => c.level);
      expect(e.level).toBe(holds.length ? Math.max(...holds) : 0);
    }
  });
});
