import { describe, expect, it } from 'vitest';
import {
  getRubric,
  evaluate,
  optionScore,
  questionsOf,
  rat,
  cmp,
  toNumber,
  displayScore,
  type Answers,
} from '../../src/domain/index';
import { ALL_MAX, ALL_NONE, SCORE_20, SCORE_40, SCORE_60, SCORE_80, minusOneArea, range } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const q = (id: string) => questionsOf(rubric).find((x) => x.id === id)!;
const total = (answers: Answers) => evaluate(rubric, { answers, scenarios: {} }).score.total;

describe('option scores (评分逻辑 1)', () => {
  it.each([
    ['q2', 0, 0],
    ['q2', 1, 25],
    ['q2', 2, 50],
    ['q2', 3, 75],
    ['q2', 4, 100],
    ['q12', 0, 0],
    ['q12', 1, 50],
    ['q12', 2, 100],
    ['q8', 0, 0],
    ['q8', 1, 20],
    ['q8', 3, 60],
    ['q8', 5, 100],
  ])('single %s option %i scores %i', (id, index, expected) => {
    expect(optionScore(q(id), index)).toEqual(rat(expected));
  });

  it.each([
    ['q1', [0], rat(0)],
    ['q1', [1], rat(25)],
    ['q1', [1, 2, 3, 4], rat(100)],
    ['q4', [1], rat(100, 14)],
    ['q4', range(1, 14), rat(100)],
    ['q4', range(1, 7), rat(50)],
    ['q10', [1, 2], rat(40)],
    ['q10', [1, 2, 3, 4, 5], rat(100)],
  ] as const)('multiple %s %j scores %o', (id, picked, expected) => {
    expect(optionScore(q(id), [...picked])).toEqual(expected);
  });

  it('unanswered scores 0', () => expect(optionScore(q('q5'), undefined)).toEqual(rat(0)));
});

describe('weighted points per item (评分逻辑 2)', () => {
  it.each([
    ['q1', [1], 2],
    ['q2', 1, 1.5],
    ['q3', 2, 3],
    ['q5', 1, 2.5],
    ['q6', [1], 1.25],
    ['q7', [1, 2], 2.5],
    ['q8', 1, 1.5],
    ['q9', [1], 1.875],
    ['q10', [1], 1.5],
    ['q11', 1, 1.875],
    ['q12', 1, 3.5],
    ['q13', 2, 7],
    ['q14', 1, 1.5],
    ['q15', 2, 3],
  ] as const)('%s = %j gives %d points', (id, answer, points) => {
    const a: Answers = { [id]: typeof answer === 'number' ? answer : [...(answer as readonly number[])] };
    expect(toNumber(total(a))).toBe(points);
  });

  it('one business area of q4 is exactly 5/7 of a point', () => expect(total({ q4: [3] })).toEqual(rat(5, 7)));
  it('all maxima give exactly 100', () => expect(total(ALL_MAX)).toEqual(rat(100)));
  it('all lowest options give 0', () => expect(total(ALL_NONE)).toEqual(rat(0)));
  it('nothing answered gives 0 and is incomplete', () => {
    const e = evaluate(rubric, { answers: {}, scenarios: {} });
    expect(e.score.total).toEqual(rat(0));
    expect(e.complete).toBe(false);
    expect(e.unanswered).toHaveLength(15);
  });

  it('dimension and secondary maxima follow the table (50/30/20; 20/10/10/10; 15/15; 7/7/6)', () => {
    const e = evaluate(rubric, { answers: ALL_MAX, scenarios: {} });
    expect(e.score.dimensions.map((d) => toNumber(d.points))).toEqual([50, 30, 20]);
    expect(e.score.secondaries.map((s) => toNumber(s.max))).toEqual([20, 10, 10, 10, 15, 15, 7, 7, 6]);
  });

  it.each([
    ['20', SCORE_20, 20],
    ['40', SCORE_40, 40],
    ['60', SCORE_60, 60],
    ['80', SCORE_80, 80],
  ] as const)('fixture SCORE_%s totals exactly %i', (_, answers, expected) => {
    expect(total(answers)).toEqual(rat(expected));
  });

  it('exact arithmetic: 7 areas of q4 plus 35 points is exactly 40 (floating-point sums drift)', () => {
    const answers: Answers = { ...SCORE_40, q4: range(1, 7), q6: [1, 2, 3, 4] };
    expect(total(answers)).toEqual(rat(40));
    expect(cmp(total(answers), rat(40))).toBe(0);
  });

  it('display rounds the exact total to 2 decimals', () => {
    expect(displayScore(total({ q4: [1] }))).toBe(0.71);
    expect(displayScore(total({ q4: [1, 2, 3] }))).toBe(2.14);
    expect(displayScore(total(minusOneArea(SCORE_40)))).toBe(39.29);
  });
});
