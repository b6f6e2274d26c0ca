import { describe, expect, it } from 'vitest';
import { getRubric, evaluate, scenarioLevel, rat, type Answers, type ScenarioChecks } from '../../src/domain/index';
import { ALL_MAX, ALL_NONE, SCORE_20, SCORE_40, SCORE_60, SCORE_80, minusOneArea, scenariosAt } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const level = (answers: Answers, scenarios: Record<string, ScenarioChecks>) =>
  evaluate(rubric, { answers, scenarios }).level;

describe('scenario gating (附件2 备注2)', () => {
  it.each([
    [[false, false, false, false], 0],
    [[true, false, false, false], 1],
    [[true, true, false, false], 2],
    [[true, true, true, false], 3],
    [[true, true, true, true], 4],
    [[true, false, true, false], 1],
    [[false, true, true, true], 0],
    [[true, true, false, true], 2],
  ] as const)('%j → level %i', (checks, expected) => expect(scenarioLevel(checks)).toBe(expected));

  it('reports ticked levels above a gap as ignored', () => {
    const e = evaluate(rubric, { answers: {}, scenarios: { quality: [true, false, true, true] } });
    const quality = e.scenarios.find((s) => s.id === 'quality')!;
    expect(quality.level).toBe(1);
    expect(quality.ignoredLevels).toEqual([3, 4]);
  });
});

describe('overall level (第六条)', () => {
  // [case, answers, scenarios, expected level]
  it.each([
    ['all max + 16 scenarios at 4', ALL_MAX, scenariosAt(4, 16, 10), 4],
    ['all none, no scenarios', ALL_NONE, {}, 0],
    ['score 20 exactly + 6/3 at level 1', SCORE_20, scenariosAt(1, 6, 3), 1],
    ['score 20 − 5/7 + 6/3 at level 1', minusOneArea(SCORE_20), scenariosAt(1, 6, 3), 0],
    ['score 20 + only 5 scenarios at level 1', SCORE_20, scenariosAt(1, 5, 3), 0],
    ['score 20 + 6 scenarios, 2 constraint', SCORE_20, scenariosAt(1, 6, 2), 0],
    ['score 40 exactly + 6/3 at level 2', SCORE_40, scenariosAt(2, 6, 3), 2],
    ['score 40 − 5/7 + 6/3 at level 2', minusOneArea(SCORE_40), scenariosAt(2, 6, 3), 1],
    ['score 40 + 5 at level 2', SCORE_40, scenariosAt(2, 5, 3), 0],
    ['score 40 + 6 at level 2, 2 constraint', SCORE_40, scenariosAt(2, 6, 2), 0],
    ['score 60 exactly + 8/5 at level 3', SCORE_60, scenariosAt(3, 8, 5), 3],
    ['score 60 − 5/7 + 8/5 at level 3', minusOneArea(SCORE_60), scenariosAt(3, 8, 5), 2],
    ['score 60 + 7 at level 3', SCORE_60, scenariosAt(3, 7, 5), 2],
    ['score 60 + 8 at level 3, 4 constraint', SCORE_60, scenariosAt(3, 8, 4), 2],
    ['score 80 exactly + 10/6 at level 4', SCORE_80, scenariosAt(4, 10, 6), 4],
    ['score 80 − 5/7 + 10/6 at level 4', minusOneArea(SCORE_80), scenariosAt(4, 10, 6), 3],
    ['score 80 + 9 at level 4', SCORE_80, scenariosAt(4, 9, 6), 3],
    ['score 80 + 10 at level 4, 5 constraint', SCORE_80, scenariosAt(4, 10, 5), 3],
    ['score 100 but scenarios only at level 1', ALL_MAX, scenariosAt(1, 16, 10), 1],
    [
      'gating: levels 1 and 3 met but not 2 → 1',
      SCORE_60,
      Object.fromEntries(Object.entries(scenariosAt(3, 8, 5)).map(([k]) => [k, [true, false, true, false]])),
      1,
    ],
  ] as const)('%s → %i', (_, answers, scenarios, expected) => {
    expect(level(answers, scenarios as Record<string, ScenarioChecks>)).toBe(expected);
  });
});

describe('failing conditions for the next level', () => {
  it('names each unmet condition with its numbers', () => {
    const scenarios = { ...scenariosAt(3, 5, 3), ...{ hr: [true, true, false, false] as ScenarioChecks } };
    const e = evaluate(rubric, { answers: minusOneArea(SCORE_60), scenarios });
    expect(e.level).toBe(2);
    expect(e.next?.level).toBe(3);
    expect(e.failing).toEqual([
      { kind: 'score', required: 60, actual: rat(415, 7), met: false, gap: rat(5, 7) },
      { kind: 'scenarios', level: 3, required: 8, actual: 5, met: false },
      { kind: 'constraint-scenarios', level: 3, required: 5, actual: 3, met: false },
    ]);
  });

  it('at level 4 there is no next level', () => {
    const e = evaluate(rubric, { answers: ALL_MAX, scenarios: scenariosAt(4, 16, 10) });
    expect(e.next).toBeUndefined();
    expect(e.failing).toEqual([]);
  });
});
