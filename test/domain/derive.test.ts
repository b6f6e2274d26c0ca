import { describe, expect, it } from 'vitest';
import { getRubric, rat } from '../../src/domain/index';
import { deriveOption, exactDecimal, toRational, type TypedNumbers } from '../../src/domain/derive/derive';
import { energyTce } from '../../src/domain/derive/energy';

const rubric = getRubric('cn-sme-2024')!;
const derive = (qid: string, numbers: TypedNumbers) => deriveOption(rubric, qid, numbers);
const option = (qid: string, numbers: TypedNumbers) => {
  const d = derive(qid, numbers);
  if (d.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(d)}`);
  return d.option;
};

describe('exact decimals', () => {
  it.each([
    [12.5, 125n, 10n],
    [0.1, 1n, 10n],
    [-3, -3n, 1n],
    [1.5e-7, 15n, 100000000n],
    [1e21, 1000000000000000000000n, 1n],
  ])('%d is exactly %i/%i', (x, n, d) => expect(exactDecimal(x)).toEqual({ n, d }));

  it('to Rational reduces, and refuses what does not fit', () => {
    expect(toRational({ n: 38099n, d: 100n })).toEqual(rat(38099, 100));
    expect(toRational({ n: 10n, d: 100n })).toEqual(rat(1, 10));
    expect(toRational({ n: 2n ** 60n, d: 3n })).toBeUndefined();
  });
});

describe('q2 ratio buckets (boundaries as printed)', () => {
  it.each([
    [0, 100, 0, 0],
    [10, 100, 0, 10],
    [100001, 1000000, 1, 10],
    [10.5, 100, 1, 10.5],
    [105, 1000, 1, 10.5],
    [20, 100, 1, 20],
    [201, 1000, 2, 20.1],
    [1, 3, 2, 33.33],
    [40, 100, 2, 40],
    [41, 100, 3, 41],
    [60, 100, 3, 60],
    [61, 100, 4, 61],
    [2, 3, 4, 66.67],
    [100, 100, 4, 100],
  ])('%d of %d devices → option %i (%d %)', (digitised, total, expected, percent) => {
    expect(derive('q2', { q2: { 'equipment-total': total, 'equipment-digitised': digitised } })).toEqual({
      kind: 'ok',
      option: expected,
      arithmetic: [
        {
          kind: 'ratio',
          numerator: { field: 'equipment-digitised', value: digitised },
          denominator: { field: 'equipment-total', value: total },
          percent,
          bucket: expected,
        },
      ],
    });
  });
});

describe('q3 takes the device total from q2 (sameAs)', () => {
  it('24 % networked', () => {
    expect(derive('q3', { q2: { 'equipment-total': 50 }, q3: { 'equipment-networked': 12 } })).toEqual({
      kind: 'ok',
      option: 2,
      arithmetic: [
        {
          kind: 'ratio',
          numerator: { field: 'equipment-networked', value: 12 },
          denominator: { field: 'equipment-total', value: 50, from: 'q2.equipment-total' },
          percent: 24,
          bucket: 2,
        },
      ],
    });
  });

  it("the source wins over a value stored under q3's own entry", () =>
    expect(
      option('q3', { q2: { 'equipment-total': 50 }, q3: { 'equipment-total': 1000, 'equipment-networked': 50 } }),
    ).toBe(4));

  it("q3's own entry does not stand in for an empty source", () =>
    expect(derive('q3', { q3: { 'equipment-total': 100, 'equipment-networked': 5 } })).toEqual({
      kind: 'incomplete',
      missing: ['equipment-total'],
    }));

  it('errors in the source are reported on q3 too', () =>
    expect(derive('q3', { q2: { 'equipment-total': 0 }, q3: { 'equipment-networked': 0 } })).toEqual({
      kind: 'error',
      errors: [{ field: 'equipment-total', code: 'zero-denominator' }],
    }));
});

describe('q11 investment / revenue with decimals', () => {
  it.each([
    [12.5, 125, 0, 10],
    [12.51, 125, 1, 10.01],
    // floating point gives 10.000000000000002 % and 60.00000000000001 %: exact arithmetic does not
    [0.07, 0.7, 0, 10],
    [5.4, 9, 3, 60],
    [37.5, 125, 2, 30],
    [125, 125, 4, 100],
  ])('%d 万元 / %d 万元 → option %i (%d %)', (investment, revenue, expected, percent) => {
    const d = derive('q11', { q11: { 'investment-per-year': investment, 'revenue-per-year': revenue } });
    expect(d).toMatchObject({ kind: 'ok', option: expected, arithmetic: [{ kind: 'ratio', percent }] });
  });
});

describe('errors: bad numbers never give an option', () => {
  it.each([
    ['q2', { q2: { 'equipment-total': 100, 'equipment-digitised': 101 } }, 'equipment-digitised', 'exceeds-total'],
    [
      'q11',
      { q11: { 'investment-per-year': 125.01, 'revenue-per-year': 125 } },
      'investment-per-year',
      'exceeds-total',
    ],
    ['q2', { q2: { 'equipment-total': 0, 'equipment-digitised': 0 } }, 'equipment-total', 'zero-denominator'],
    ['q2', { q2: { 'equipment-total': 100, 'equipment-digitised': -1 } }, 'equipment-digitised', 'negative'],
    ['q2', { q2: { 'equipment-total': -0.5, 'equipment-digitised': 1 } }, 'equipment-total', 'negative'],
    ['q2', { q2: { 'equipment-total': NaN, 'equipment-digitised': 1 } }, 'equipment-total', 'not-a-number'],
    ['q2', { q2: { 'equipment-total': 10, 'equipment-digitised': Infinity } }, 'equipment-digitised', 'not-a-number'],
    ['q13', { q13: { 'pass-rate-after': 100.5, 'pass-rate-before': 97 } }, 'pass-rate-after', 'over-100'],
    ['q13', { q13: { 'pass-rate-after': 98, 'pass-rate-before': -1 } }, 'pass-rate-before', 'negative'],
    [
      'q12',
      {
        q12: { 'energy-last-year': 1, 'energy-year-before': 1 },
        q14: { 'revenue-last-year': 10, 'revenue-year-before': 0 },
      },
      'revenue-year-before',
      'zero-denominator',
    ],
    [
      'q14',
      {
        q14: {
          'revenue-last-year': 10,
          'employees-last-year': 0,
          'revenue-year-before': 10,
          'employees-year-before': 5,
        },
      },
      'employees-last-year',
      'zero-denominator',
    ],
    [
      'q15',
      {
        q15: { 'cost-last-year': -Infinity, 'cost-year-before': 1 },
        q14: { 'revenue-last-year': 10, 'revenue-year-before': 10 },
      },
      'cost-last-year',
      'not-a-number',
    ],
  ] as const)('%s %j: %s %s', (qid, numbers, field, code) =>
    expect(derive(qid, numbers as TypedNumbers)).toEqual({ kind: 'error', errors: [{ field, code }] }),
  );

  it('values above 100 are fine outside % fields', () =>
    expect(
      option('q15', {
        q15: { 'cost-last-year': 101, 'cost-year-before': 100 },
        q14: { 'revenue-last-year': 100, 'revenue-year-before': 100 },
      }),
    ).toBe(0));

  it('every error is reported at once, in the order of the blanks', () =>
    expect(
      derive('q14', {
        q14: {
          'employees-last-year': -1,
          'revenue-last-year': NaN,
          'employees-year-before': 0,
          'revenue-year-before': 5,
        },
      }),
    ).toEqual({
      kind: 'error',
      errors: [
        { field: 'employees-last-year', code: 'negative' },
        { field: 'revenue-last-year', code: 'not-a-number' },
        { field: 'employees-year-before', code: 'zero-denominator' },
      ],
    }));

  it('an error shows while other blanks are still empty', () =>
    expect(derive('q2', { q2: { 'equipment-total': 0 } })).toEqual({
      kind: 'error',
      errors: [{ field: 'equipment-total', code: 'zero-denominator' }],
    }));
});

describe('incomplete and none', () => {
  it.each([
    ['q2', {}, ['equipment-total', 'equipment-digitised']],
    ['q2', { q2: { 'equipment-total': 10 } }, ['equipment-digitised']],
    ['q3', { q3: { 'equipment-networked': 1 } }, ['equipment-total']],
    ['q11', { q11: { 'investment-per-year': 3 } }, ['revenue-per-year']],
    ['q12', { q12: { 'energy-last-year': 3, 'energy-year-before': 2 } }, ['revenue-last-year', 'revenue-year-before']],
    ['q13', { q13: { 'pass-rate-after': 98 } }, ['pass-rate-before']],
    [
      'q14',
      { q14: { 'revenue-last-year': 100 } },
      ['employees-last-year', 'employees-year-before', 'revenue-year-before'],
    ],
    ['q15', { q14: { 'revenue-last-year': 100, 'revenue-year-before': 90 } }, ['cost-last-year', 'cost-year-before']],
  ] as const)('%s %j is missing %j', (qid, numbers, missing) =>
    expect(derive(qid, numbers as TypedNumbers)).toEqual({ kind: 'incomplete', missing: [...missing] }),
  );

  it('a question without derivation gives none', () => expect(derive('q1', {})).toEqual({ kind: 'none' }));
  it('an unknown question throws', () => expect(() => derive('q99', {})).toThrow(RangeError));
});

describe('q12 energy per 100 yuan of revenue (revenue from q14)', () => {
  const q12 = (last: number, before: number, revenueLast: number, revenueBefore: number) =>
    derive('q12', {
      q12: { 'energy-last-year': last, 'energy-year-before': before },
      q14: { 'revenue-last-year': revenueLast, 'revenue-year-before': revenueBefore },
    });

  it.each([
    [600, 400, 5000, 4000, 0, 'increase'],
    [500, 400, 5000, 4000, 1, 'flat'],
    [450, 400, 5000, 4000, 2, 'decrease'],
    // 0.3 / 3 is 0.09999999999999999 in floating point, 0.1 / 1 is 0.1: exactly they are equal
    [0.3, 0.1, 3, 1, 1, 'flat'],
    [0, 0, 10, 20, 1, 'flat'],
  ])('%d tce / %d tce on %d / %d 万元 → option %i (%s)', (last, before, rl, rb, expected, result) =>
    expect(q12(last, before, rl, rb)).toMatchObject({
      kind: 'ok',
      option: expected,
      arithmetic: [{}, {}, { kind: 'compare', result }],
    }),
  );

  it('shows tce per 100 yuan to 6 significant digits', () =>
    expect(q12(380.99, 1, 5000, 3)).toEqual({
      kind: 'ok',
      option: 2,
      arithmetic: [
        {
          kind: 'per-revenue',
          year: 'last',
          value: { field: 'energy-last-year', value: 380.99 },
          revenue: { field: 'revenue-last-year', value: 5000, from: 'q14.revenue-last-year' },
          per100: 0.00076198,
          per100Unit: 'value-unit',
        },
        {
          kind: 'per-revenue',
          year: 'before',
          value: { field: 'energy-year-before', value: 1 },
          revenue: { field: 'revenue-year-before', value: 3, from: 'q14.revenue-year-before' },
          per100: 0.00333333,
          per100Unit: 'value-unit',
        },
        { kind: 'compare', after: 0.00076198, before: 0.00333333, result: 'decrease' },
      ],
    }));

  it("q14's revenue wins over a revenue stored under q12", () =>
    expect(
      derive('q12', {
        q12: { 'energy-last-year': 500, 'energy-year-before': 400, 'revenue-last-year': 1, 'revenue-year-before': 1 },
        q14: { 'revenue-last-year': 5000, 'revenue-year-before': 4000 },
      }),
    ).toMatchObject({ kind: 'ok', option: 1 }));
});

describe('q13 pass rate after vs before the retrofit', () => {
  it.each([
    [98.5, 97, 2, 'increase'],
    [97, 98.5, 0, 'decrease'],
    [97, 97, 1, 'flat'],
    [100, 100, 1, 'flat'],
    [0, 0.01, 0, 'decrease'],
  ])('%d %% after vs %d %% before → option %i (%s)', (after, before, expected, result) =>
    expect(derive('q13', { q13: { 'pass-rate-after': after, 'pass-rate-before': before } })).toEqual({
      kind: 'ok',
      option: expected,
      arithmetic: [{ kind: 'compare', after, before, result }],
    }),
  );
});

describe('q14 revenue per employee', () => {
  const q14 = (revenueLast: number, employeesLast: number, revenueBefore: number, employeesBefore: number) =>
    derive('q14', {
      q14: {
        'revenue-last-year': revenueLast,
        'employees-last-year': employeesLast,
        'revenue-year-before': revenueBefore,
        'employees-year-before': employeesBefore,
      },
    });

  it.each([
    [1100, 50, 800, 40, 2, 'increase'],
    [1000, 50, 800, 40, 1, 'flat'],
    [900, 50, 800, 40, 0, 'decrease'],
    // exact equality despite floating point (0.3 / 3 vs 0.1 / 1)
    [0.3, 3, 0.1, 1, 1, 'flat'],
  ])('%d 万元 / %d vs %d 万元 / %d → option %i (%s)', (rl, el, rb, eb, expected, result) =>
    expect(q14(rl, el, rb, eb)).toMatchObject({
      kind: 'ok',
      option: expected,
      arithmetic: [{}, {}, { kind: 'compare', result }],
    }),
  );

  it('shows the arithmetic', () =>
    expect(q14(1000, 30, 800, 40)).toEqual({
      kind: 'ok',
      option: 2,
      arithmetic: [
        {
          kind: 'quotient',
          year: 'after',
          value: { field: 'revenue-last-year', value: 1000 },
          per: { field: 'employees-last-year', value: 30 },
          quotient: 33.3333,
        },
        {
          kind: 'quotient',
          year: 'before',
          value: { field: 'revenue-year-before', value: 800 },
          per: { field: 'employees-year-before', value: 40 },
          quotient: 20,
        },
        { kind: 'compare', after: 33.3333, before: 20, result: 'increase' },
      ],
    }));
});

describe('q15 cost per 100 yuan of revenue (revenue from q14)', () => {
  const q15 = (last: number, before: number, revenueLast: number, revenueBefore: number) =>
    derive('q15', {
      q15: { 'cost-last-year': last, 'cost-year-before': before },
      q14: { 'revenue-last-year': revenueLast, 'revenue-year-before': revenueBefore },
    });

  it.each([
    [800, 700, 1000, 1000, 0, 'increase', 80, 70],
    [800, 640, 1000, 800, 1, 'flat', 80, 80],
    [700, 800, 1000, 1000, 2, 'decrease', 70, 80],
    [1, 1, 3, 2, 2, 'decrease', 33.3333, 50],
    [1234.5, 1000, 2000, 1700, 0, 'increase', 61.725, 58.8235],
    // both show as 33.3333 yuan per 100 yuan: the option follows the exact comparison
    [1000000, 1000000, 3000001, 3000000, 2, 'decrease', 33.3333, 33.3333],
  ])('%d / %d 万元 on %d / %d 万元 → option %i (%s)', (last, before, rl, rb, expected, result, after, prior) =>
    expect(q15(last, before, rl, rb)).toMatchObject({
      kind: 'ok',
      option: expected,
      arithmetic: [
        { kind: 'per-revenue', year: 'last', per100: after, per100Unit: 'yuan' },
        { kind: 'per-revenue', year: 'before', per100: prior, per100Unit: 'yuan' },
        { kind: 'compare', after, before: prior, result },
      ],
    }),
  );
});

describe('energy in tonnes of standard coal (附件 example)', () => {
  it('310 万千瓦时 electricity + 1.5 万立方米 blast furnace gas = 382.919 tce exactly', () =>
    expect(energyTce(rubric, { electricity: 310, 'blast-furnace-gas': 1.5 })).toEqual({
      total: rat(382919, 1000),
      lines: [
        { id: 'blast-furnace-gas', amount: 1.5, coefficient: 1.286, tce: rat(1929, 1000) },
        { id: 'electricity', amount: 310, coefficient: 1.229, tce: rat(38099, 100) },
      ],
    }));

  it.each([
    [{}, rat(0)],
    [{ anthracite: 0 }, rat(0)],
    [{ heat: 1000 }, rat(341, 10)],
    [{ biomass: 2.5, 'other-fuel': 0.5 }, rat(3)],
    // 0.1 × 0.9 + 0.2 × 0.9 = 0.27 exactly (floating point gives 0.27000000000000002)
    [{ 'coking-coal': 0.1, 'washed-coal': 0.2 }, rat(27, 100)],
  ])('%j → %o tce', (amounts, total) => expect(energyTce(rubric, amounts)).toMatchObject({ total }));

  it.each([
    [{ electricity: -1 }, 'electricity', 'negative'],
    [{ electricity: NaN }, 'electricity', 'not-a-number'],
    [{ heat: Infinity }, 'heat', 'not-a-number'],
    [{ petrol: 3 }, 'petrol', 'unknown'],
  ])('%j: %s %s', (amounts, field, code) => expect(energyTce(rubric, amounts)).toEqual({ errors: [{ field, code }] }));

  it('an amount whose exact tce does not fit a Rational is refused, not rounded', () => {
    expect(energyTce(rubric, { heat: 9007199254740.99 })).toEqual({
      errors: [{ field: 'heat', code: 'not-a-number' }],
    });
    expect(energyTce(rubric, { biomass: Number.MAX_SAFE_INTEGER, 'other-fuel': 1 })).toEqual({
      errors: [{ field: 'total', code: 'not-a-number' }],
    });
  });

  it('reports every bad entry at once', () =>
    expect(energyTce(rubric, { petrol: 1, electricity: -2, lignite: 4 })).toEqual({
      errors: [
        { field: 'petrol', code: 'unknown' },
        { field: 'electricity', code: 'negative' },
      ],
    }));
});
