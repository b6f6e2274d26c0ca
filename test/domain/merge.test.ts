/** Merging respondents (issue "Many files", item 5): disagreements and merge rules, table-driven. */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, getRubric, loadRubric, type ScenarioChecks, type WeightedRubric } from '../../src/domain/index';
import { disagreements, mergeRespondents, sameAnswer, type Respondent } from '../../src/domain/merge/merge';

let rubric: WeightedRubric;
beforeAll(async () => {
  await loadRubric('cn-sme-2024');
  rubric = getRubric('cn-sme-2024')!;
});

const T = true;
const F = false;
const prod: Respondent = {
  label: '生产',
  answers: { q1: [1, 2], q2: 3, q11: 1 },
  scenarios: { quality: [T, T, F, F], equipment: [T, F, F, F] },
};
const fin: Respondent = {
  label: '财务',
  answers: { q1: [2, 1], q2: 1, q11: 3, q14: 2 },
  scenarios: { quality: [T, T, F, F], equipment: [T, T, T, F], finance: [T, F, F, F] },
};
const it_: Respondent = { label: '信息化', answers: { q1: [0], q2: 4 }, scenarios: { quality: [T, F, T, F] } };

describe('sameAnswer', () => {
  it.each([
    [1, 1, true],
    [1, 2, false],
    [[1, 2], [2, 1], true],
    [[1, 2], [1], false],
    [undefined, undefined, true],
    [undefined, 0, false],
    [[0], 0, false],
  ] as const)('%j vs %j → %s', (a, b, same) => expect(sameAnswer(a as never, b as never)).toBe(same));
});

describe('disagreements', () => {
  it('lists items and scenarios where respondents differ, in rubric order, order of options ignored', () => {
    const d = disagreements(rubric, [prod, fin]);
    expect(d.map((x) => `${x.key.kind}:${x.key.id}`)).toEqual([
      'item:q2',
      'item:q11',
      'item:q14',
      'scenario:equipment',
      'scenario:finance',
    ]);
    expect(d[0]!.values).toEqual([3, 1]);
    expect(d[2]!.values).toEqual([undefined, 2]);
  });
  it('finds none between a respondent and itself', () => expect(disagreements(rubric, [prod, prod])).toEqual([]));
});

describe('mergeRespondents', () => {
  it.each([
    // fallback, q2, q11, q14, equipment, finance
    ['lower', 1, 1, 2, [T, F, F, F], undefined],
    ['higher', 3, 3, 2, [T, T, T, F], [T, F, F, F]],
    [0, 3, 1, undefined, [T, F, F, F], undefined],
    [1, 1, 3, 2, [T, T, T, F], [T, F, F, F]],
  ] as const)('fallback %s', (fallback, q2, q11, q14, equipment, finance) => {
    const m = mergeRespondents(rubric, [prod, fin], {}, fallback);
    expect(m.answers.q1).toEqual([1, 2]);
    expect(m.answers.q2).toBe(q2);
    expect(m.answers.q11).toBe(q11);
    expect(m.answers.q14).toBe(q14);
    expect(m.scenarios.quality).toEqual([T, T, F, F]);
    expect(m.scenarios.equipment).toEqual(equipment);
    expect(m.scenarios.finance).toEqual(finance);
  });

  it('applies per-key choices over the fallback and records where each came from', () => {
    const m = mergeRespondents(rubric, [prod, fin, it_], { q2: 2, 'scenario:quality': 'lower' }, 'higher');
    expect(m.answers.q2).toBe(4);
    expect(m.provenance.q2).toEqual({ choice: 2, from: [2] });
    // 「无」 scores 0: the higher of [1,2], [2,1] and [0] is the first respondent's
    expect(m.answers.q1).toEqual([1, 2]);
    expect(m.provenance.q1).toEqual({ choice: 'higher', from: [0] });
    // lower level by level: only level 1 is ticked by everyone
    expect(m.scenarios.quality).toEqual([T, F, F, F]);
    expect(m.provenance['scenario:quality']).toEqual({ choice: 'lower', from: [2] });
  });

  // a blank answer is "does not know", not "lower": 'lower' takes the lowest answer given, so only the upper bound
  // holds for every respondent
  it('never scores any respondent’s choice above higher, nor lower above higher', () => {
    const score = (f: 'lower' | 'higher' | 0 | 1 | 2) => {
      const m = mergeRespondents(rubric, [prod, fin, it_], {}, f);
      return evaluate(rubric, m).score.total;
    };
    const v = (r: ReturnType<typeof score>) => Number(r.n) / Number(r.d);
    for (const f of [0, 1, 2] as const) expect(v(score(f))).toBeLessThanOrEqual(v(score('higher')));
    expect(v(score('lower'))).toBeLessThanOrEqual(v(score('higher')));
    // lower: q1 [0] (「无」), q2 1, q11 1, q14 2 (the only answer given)
    const explicit = evaluate(rubric, { answers: { q1: [0], q2: 1, q11: 1, q14: 2 }, scenarios: {} }).score.total;
    expect(v(score('lower'))).toBe(v(explicit));
  });

  it('refuses a choice naming a respondent that does not exist', () => {
    expect(() => mergeRespondents(rubric, [prod, fin], { q2: 5 }, 0)).toThrow(RangeError);
    expect(() => mergeRespondents(rubric, [], {}, 0)).toThrow(RangeError);
  });

  it('keeps scenario tuples of four booleans', () => {
    const m = mergeRespondents(rubric, [prod, fin], {}, 'higher');
    for (const c of Object.values(m.scenarios) as ScenarioChecks[]) expect(c).toHaveLength(4);
  });
});
