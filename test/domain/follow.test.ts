import { describe, expect, it } from 'vitest';
import { applyPatch, EXTENSION_KEY, getRubric, type AssessmentFile, type Patch } from '../../src/domain/index';
import { followInputs } from '../../src/domain/derive/follow';

const rubric = getRubric('cn-sme-2024')!;
const empty = (): AssessmentFile =>
  ({
    format: 'sme-digital-assessment',
    version: 1,
    rubric: 'cn-sme-2024',
    answers: {},
    scenarios: {},
  }) as AssessmentFile;
/** Applies each user edit as the session does: through followInputs. */
const edit = (file: AssessmentFile, ...patches: Patch[]) =>
  followInputs(rubric, file, patches).reduce(applyPatch, file);
const run = (patches: Patch[], file = empty()) => patches.reduce((f, p) => edit(f, p), file);
const num = (question: string, field: string, value: number | undefined): Patch => ({
  op: 'number',
  question,
  field,
  value,
});
const overrides = (f: AssessmentFile) => f[EXTENSION_KEY]?.overrides ?? [];

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

// Energy down 3 → 2 tce while revenue goes 100 → 90 (per 100 yuan: 0.0003 → 0.000222: 降低, option 2);
// cost 60 → 50 (60 → 55.6 per 100 yuan: 降低, option 2); revenue per employee 100/10 → 90/10: 降低 (option 0).
const inputs: Patch[] = [
  num('q12', 'energy-last-year', 2),
  num('q12', 'energy-year-before', 3),
  num('q14', 'revenue-last-year', 90),
  num('q14', 'revenue-year-before', 100),
  num('q14', 'employees-last-year', 10),
  num('q14', 'employees-year-before', 10),
  num('q15', 'cost-last-year', 50),
  num('q15', 'cost-year-before', 60),
];

describe('derived answers follow their inputs wherever they live', () => {
  it('every order of entering the q12/q14/q15 figures gives the same answers', () => {
    // the 8 figures in every order would be 40 320 runs; every order of the three questions' blocks,
    // and every order of the figures one by one within a block interleaved, covers what matters
    const blocks = [inputs.slice(0, 2), inputs.slice(2, 6), inputs.slice(6)];
    const orders = [
      ...permutations(blocks).map((b) => b.flat()),
      ...permutations([0, 1, 2, 3, 4, 5, 6, 7])
        .filter((_, i) => i % 211 === 0)
        .map((o) => o.map((i) => inputs[i]!)),
    ];
    expect(orders.length).toBeGreaterThan(150);
    for (const order of orders) {
      const f = run(order);
      expect({ q12: f.answers.q12, q14: f.answers.q14, q15: f.answers.q15, o: overrides(f) }).toEqual({
        q12: 2,
        q14: 0,
        q15: 2,
        o: [],
      });
    }
  });

  it('q12 entered before q14 is answered once the revenue arrives', () => {
    const f = run(inputs.slice(0, 2));
    expect(f.answers.q12).toBeUndefined();
    expect(run(inputs.slice(2, 4), f).answers.q12).toBe(2);
  });

  it('lowering q14 revenue moves q15 with it, never marked as an override', () => {
    const f = run(inputs);
    expect(f.answers.q15).toBe(2);
    // revenue last year down to 50: cost per 100 yuan 100 > 60 → 增加 (option 0)
    const g = edit(f, num('q14', 'revenue-last-year', 50));
    expect(g.answers.q15).toBe(0);
    expect(overrides(g)).toEqual([]);
  });

  it('an invalid or cleared input clears the derived answer (q2 figure removed as "1,200x" is typed)', () => {
    const f = run([num('q2', 'equipment-total', 50), num('q2', 'equipment-digitised', 3)]);
    expect(f.answers.q2).toBe(0);
    const g = edit(f, num('q2', 'equipment-digitised', undefined));
    expect(g.answers.q2).toBeUndefined();
    // a zero denominator: the figures give nothing, the answer goes too (and q3, which reads q2's total)
    const h = run([num('q3', 'equipment-networked', 10), num('q2', 'equipment-digitised', 10)], f);
    expect([h.answers.q2, h.answers.q3]).toEqual([1, 1]);
    const z = edit(h, num('q2', 'equipment-total', 0));
    expect([z.answers.q2, z.answers.q3]).toEqual([undefined, undefined]);
  });

  it('only a choice made by hand is an override, and it holds until the suggestion is chosen again', () => {
    const f = run(inputs);
    const hand = edit(f, { op: 'answer', id: 'q15', value: 1 });
    expect(overrides(hand)).toEqual(['q15']);
    // the figures change: the hand choice stays
    const moved = edit(hand, num('q14', 'revenue-last-year', 50));
    expect(moved.answers.q15).toBe(1);
    expect(overrides(moved)).toEqual(['q15']);
    // choosing the suggestion again ends the override; the answer follows again
    const back = edit(moved, { op: 'answer', id: 'q15', value: 0 });
    expect(overrides(back)).toEqual([]);
    expect(edit(back, num('q14', 'revenue-last-year', 90)).answers.q15).toBe(2);
  });

  it('a choice made before any figure is not an override and is kept while the figures are incomplete', () => {
    const f = edit(empty(), { op: 'answer', id: 'q2', value: 3 });
    expect(overrides(f)).toEqual([]);
    const g = edit(f, num('q2', 'equipment-total', 50));
    expect(g.answers.q2).toBe(3);
    expect(edit(g, num('q2', 'equipment-digitised', 5)).answers.q2).toBe(0);
  });
});
