import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyPatch,
  allScenarios,
  compareAssessments,
  assessmentYear,
  chronological,
  decimalDelta,
  deltaSign,
  evaluate,
  findPrevious,
  getRubric,
  loadGuide,
  newAssessmentFile,
  questionsOf,
  rat,
  sub,
  trendSeries,
  validateAssessment,
  CompareError,
  EFFECT_INDICATORS,
  EXTENSION_KEY,
  INDUSTRIES,
  type AssessmentFile,
  type Answers,
  type Patch,
  type ScenarioChecks,
  type TrendEntry,
} from '../../src/domain/index';
import { ALL_MAX, ALL_NONE, SCORE_60, scenariosAt } from '../helpers';

const rubric = getRubric('cn-sme-2024')!;
const fixture = (): AssessmentFile =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));

function file(answers: Answers, scenarios: Record<string, ScenarioChecks> = {}, patches: Patch[] = []) {
  const f: AssessmentFile = { ...newAssessmentFile('cn-sme-2024'), answers: { ...answers }, scenarios };
  return patches.reduce(applyPatch, f);
}
const side = (f: AssessmentFile) => ({ file: f, evaluation: evaluate(rubric, f) });
const compare = (a: AssessmentFile, b: AssessmentFile) => compareAssessments(rubric, side(a), side(b));
const isZero = (r: { n: number }) => r.n === 0;

describe('compareAssessments: scores', () => {
  it.each(questionsOf(rubric).map((q) => [q.id]))(
    'item %s raised from its lowest to its highest option moves that item, its secondary, dimension and total by exactly its maximum',
    (qid) => {
      const c = compare(file(ALL_NONE), file({ ...ALL_NONE, [qid]: ALL_MAX[qid]! }));
      const item = c.items.find((i) => i.id === qid)!;
      expect(item.delta).toEqual(item.max);
      expect(sub(item.after, item.before)).toEqual(item.delta);
      for (const other of c.items.filter((i) => i.id !== qid)) expect(isZero(other.delta), other.id).toBe(true);
      const sec = c.secondaries.find((s) => s.id === item.secondary)!;
      expect(sec.delta).toEqual(item.max);
      expect(sec.dimension).toBe(item.dimension);
      for (const s of c.secondaries.filter((s) => s.id !== item.secondary)) expect(isZero(s.delta)).toBe(true);
      expect(c.dimensions.find((d) => d.id === item.dimension)!.delta).toEqual(item.max);
      expect(c.total.delta).toEqual(item.max);
      expect(deltaSign(c.total.delta)).toBe(1);
      // and the other way round it falls by the same amount
      const back = compare(file({ ...ALL_NONE, [qid]: ALL_MAX[qid]! }), file(ALL_NONE));
      expect(back.items.find((i) => i.id === qid)!.delta).toEqual(rat(-item.max.n, item.max.d));
      expect(deltaSign(back.total.delta)).toBe(-1);
    },
  );

  it('keeps deltas exact: one of q4’s 14 areas is 5/7 of a point', () => {
    const c = compare(file({ ...ALL_MAX, q4: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] }), file(ALL_MAX));
    expect(c.items.find((i) => i.id === 'q4')!.delta).toEqual(rat(5, 7));
    expect(c.total.delta).toEqual(rat(5, 7));
    expect(c.total.max).toEqual(rat(100));
  });

  it('reports unanswered items on either side', () => {
    const c = compare(file({}), file({ q1: [0] }));
    const q1 = c.items.find((i) => i.id === 'q1')!;
    expect([q1.answeredBefore, q1.answeredAfter]).toEqual([false, true]);
    expect(isZero(q1.delta)).toBe(true);
  });

  it('refuses assessments of another rubric', () => {
    const other = { ...file(ALL_NONE), rubric: 'sd-chenxing-2022' };
    expect(() =>
      compareAssessments(rubric, { file: other, evaluation: evaluate(rubric, other) }, side(file({}))),
    ).toThrow(CompareError);
  });
});

describe('compareAssessments: scenarios and level', () => {
  it.each(allScenarios(rubric).map((s) => [s.id, s.constraint]))(
    'scenario %s rising 1 → 3 is listed as risen, falling back as fallen (constraint %s)',
    (id, constraint) => {
      const low = file(ALL_NONE, { [id]: [true, false, false, false] });
      const high = file(ALL_NONE, { [id]: [true, true, true, false] });
      const up = compare(low, high);
      expect(up.rose).toEqual([{ id, constraint, before: 1, after: 3, delta: 2 }]);
      expect(up.fell).toEqual([]);
      expect(up.scenarios).toHaveLength(allScenarios(rubric).length);
      const down = compare(high, low);
      expect(down.fell).toEqual([{ id, constraint, before: 3, after: 1, delta: -2 }]);
      expect(down.rose).toEqual([]);
      const same = compare(high, high);
      expect([same.rose, same.fell]).toEqual([[], []]);
    },
  );

  it('counts gated levels as the engine does (3 ticked without 2 is level 1)', () => {
    const c = compare(
      file(ALL_NONE, { hr: [true, false, true, false] }),
      file(ALL_NONE, { hr: [true, true, true, false] }),
    );
    expect(c.rose).toEqual([{ id: 'hr', constraint: false, before: 1, after: 3, delta: 2 }]);
  });

  it('gives the level change', () => {
    const f = fixture();
    const c = compare(file(ALL_NONE), f);
    expect(c.level).toEqual({ before: 0, after: 3, delta: 3 });
    const four = file(ALL_MAX, { ...scenariosAt(4, 10, 6) });
    expect(compare(f, four).level).toEqual({
      before: 3,
      after: evaluate(rubric, four).level,
      delta: evaluate(rubric, four).level - 3,
    });
    expect(compare(file(SCORE_60), file(ALL_NONE)).level.delta).toBeLessThanOrEqual(0);
  });
});

// every action id of every guide (loaded once; guides are lazy chunks)
const guides = await Promise.all(INDUSTRIES.map((i) => loadGuide(i)));
const ids = [...new Set(guides.flatMap((g) => g.actions.map((a) => a.id)))];

describe('compareAssessments: roadmap steps', () => {
  it(`lists every step (${ids.length} action ids of all guides) done after but not before as completed`, () => {
    for (const id of ids) {
      const before = file(ALL_NONE, {}, [{ op: 'roadmap', id, state: { status: 'open' } }]);
      const after = file(ALL_NONE, {}, [{ op: 'roadmap', id, state: { status: 'done', quarter: '2027-Q2' } }]);
      expect(compare(before, after).stepsCompleted, id).toEqual([{ id, quarter: '2027-Q2' }]);
      expect(compare(file(ALL_NONE), after).stepsCompleted.map((s) => s.id)).toEqual([id]);
      expect(compare(after, after).stepsCompleted, id).toEqual([]);
      expect(compare(after, before).stepsCompleted).toEqual([]);
      expect(compare(after, before).stepsReopened).toEqual([id]);
      const notRelevant = file(ALL_NONE, {}, [{ op: 'roadmap', id, state: { status: 'not-relevant' } }]);
      expect(compare(before, notRelevant).stepsCompleted).toEqual([]);
    }
  });

  it('lists several completed steps sorted by id, with their notes', () => {
    const [a, b, c] = ids.slice(0, 3) as [string, string, string];
    const before = file(ALL_NONE, {}, [{ op: 'roadmap', id: b, state: { status: 'done' } }]);
    const after = file(ALL_NONE, {}, [
      { op: 'roadmap', id: c, state: { status: 'done', note: '已上线' } },
      { op: 'roadmap', id: a, state: { status: 'done' } },
      { op: 'roadmap', id: b, state: { status: 'done' } },
    ]);
    expect(compare(before, after).stepsCompleted).toEqual(
      [{ id: a }, { id: c, note: '已上线' }].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });
});

describe('compareAssessments: effect indicators', () => {
  it.each(EFFECT_INDICATORS.indicators.map((i) => [i.id, i.better]))(
    '%s (%s is better): delta and whether it improved',
    (id, better) => {
      const before = file({}, {}, [{ op: 'result', id, value: 10 }]);
      const after = file({}, {}, [{ op: 'result', id, value: 12.5 }]);
      const r = compare(before, after).results.find((x) => x.id === id)!;
      expect(r).toEqual({
        id,
        better,
        before: 10,
        after: 12.5,
        delta: 2.5,
        trend: better === 'higher' ? 'better' : 'worse',
      });
      const back = compare(after, before).results.find((x) => x.id === id)!;
      expect(back.trend).toBe(better === 'higher' ? 'worse' : 'better');
      expect(compare(after, after).results.find((x) => x.id === id)!.trend).toBe('same');
      const onlyAfter = compare(file({}), after).results.find((x) => x.id === id)!;
      expect(onlyAfter).toEqual({ id, better, after: 12.5 });
    },
  );

  it('lists every indicator, in data order, and subtracts decimals without binary noise', () => {
    const c = compare(
      file({}, {}, [{ op: 'result', id: 'revenue-growth', value: 10.1 }]),
      file({}, {}, [{ op: 'result', id: 'revenue-growth', value: 12.3 }]),
    );
    expect(c.results.map((r) => r.id)).toEqual(EFFECT_INDICATORS.indicators.map((i) => i.id));
    expect(c.results[0]!.delta).toBe(2.2);
    expect(decimalDelta(0.3, 0.1)).toBe(0.2);
  });
});

describe('trendSeries', () => {
  const entry = (id: string, year: number | undefined, createdAt: number, answers: Answers = ALL_NONE): TrendEntry => {
    let f = file(answers);
    if (year !== undefined) f = applyPatch(f, { op: 'profile', key: 'year', value: year });
    return { id, file: f, evaluation: evaluate(rubric, f), createdAt };
  };

  it('orders by assessment year, then creation time, with one assessment per year (issue 15, fault 7)', () => {
    const s = trendSeries([
      entry('c', 2027, 1),
      entry('a', 2025, 500),
      entry('b2', 2026, 300, ALL_MAX),
      entry('b1', 2026, 200, ALL_MAX),
    ]);
    // two of 2026 (stored before the one-per-year rule): the first made counts, never a mix of both
    expect(s.points.map((p) => p.id)).toEqual(['a', 'b1', 'c']);
    expect(s.variants).toEqual(['b2']);
    expect(s.points.map((p) => [p.year, p.nthInYear])).toEqual([
      [2025, 1],
      [2026, 1],
      [2027, 1],
    ]);
    expect(s.points[1]!.total).toEqual(rat(100));
    expect(s.points[1]!.dimensions).toEqual([rat(50), rat(30), rat(20)]);
    expect(s.dimensions.map((d) => d.id)).toEqual(rubric.dimensions.map((d) => d.id));
    expect(s.skipped).toEqual([]);
  });

  it('leaves a variant out of the trend even when it was made first', () => {
    const original = entry('orig', 2026, 200);
    const variant = entry('copy', 2026, 100, ALL_MAX);
    variant.file = applyPatch(variant.file, { op: 'meta', key: 'variantOf', value: 'orig' });
    const s = trendSeries([variant, original, entry('z', 2025, 50)]);
    expect(s.points.map((p) => p.id)).toEqual(['z', 'orig']);
    expect(s.variants).toEqual(['copy']);
  });

  it('uses the UTC year of createdAt when the profile has no year', () => {
    const s = trendSeries([entry('x', undefined, Date.UTC(2024, 5, 1)), entry('y', 2023, Date.UTC(2025, 0, 1))]);
    expect(s.points.map((p) => [p.id, p.year, p.yearFromDate])).toEqual([
      ['y', 2023, false],
      ['x', 2024, true],
    ]);
  });

  it('carries levels, labels and effect indicators, and leaves out other rubrics', () => {
    const f = applyPatch(applyPatch(fixture(), { op: 'result', id: 'profit-margin', value: 8 }), {
      op: 'meta',
      key: 'label',
      value: '2026 年度自评',
    });
    const other = { ...file({}), rubric: 'sd-chenxing-2022' };
    const s = trendSeries(
      [
        { id: 'f', file: f, evaluation: evaluate(rubric, f), createdAt: 2 },
        entry('e', 2020, 1),
        {
          id: 'o',
          file: other,
          evaluation: { ...evaluate(rubric, file({})), rubric: 'sd-chenxing-2022' },
          createdAt: 0,
        },
      ],
      'cn-sme-2024',
    );
    expect(s.points.map((p) => [p.id, p.level, p.label, p.results])).toEqual([
      ['e', 0, undefined, {}],
      ['f', 3, '2026 年度自评', { 'profit-margin': 8 }],
    ]);
    expect(s.skipped).toEqual(['o']);
  });

  it('chronological() and findPrevious() find the assessment a re-assessment came from', () => {
    const a = { id: 'a', createdAt: Date.parse('2026-03-01T00:00:00.000Z'), file: file({}) };
    const b = {
      id: 'b',
      createdAt: Date.parse('2027-03-01T00:00:00.000Z'),
      file: file({}, {}, [{ op: 'meta', key: 'previousCreatedAt', value: '2026-03-01T00:00:00.000Z' }]),
    };
    expect(chronological([b, a]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(findPrevious(b.file, [a, b])?.id).toBe('a');
    expect(findPrevious(a.file, [a, b])).toBeUndefined();
    // the same instant written differently still matches
    const d = {
      ...b,
      file: file({}, {}, [{ op: 'meta', key: 'previousCreatedAt', value: '2026-03-01T08:00:00.000+08:00' }]),
    };
    expect(findPrevious(d.file, [a])?.id).toBe('a');
  });

  it('orders assessments of one year made in the same millisecond by their re-assessment links, not by id', () => {
    const at = Date.parse('2026-03-01T00:00:00.000Z');
    const meta = (m: Record<string, string>): Patch[] =>
      Object.entries(m).map(([key, value]) => ({ op: 'meta', key: key as 'id', value }));
    // record ids sort against the links: z-first was re-assessed into m-second, and that into a-third
    const first = { id: 'z-first', createdAt: at, file: file({}, {}, meta({ id: 'one' })) };
    const second = { id: 'm-second', createdAt: at, file: file({}, {}, meta({ previousId: 'one' })) };
    const third = { id: 'a-third', createdAt: at, file: file({}, {}, meta({ previousId: 'm-second' })) };
    const other = { id: 'b-other', createdAt: at, file: file({}) };
    expect(findPrevious(second.file, [third, second, first])?.id).toBe('z-first');
    expect(findPrevious(third.file, [third, second, first])?.id).toBe('m-second');
    expect(chronological([third, other, second, first]).map((x) => x.id)).toEqual([
      'b-other',
      'z-first',
      'm-second',
      'a-third',
    ]);
    // the year still comes first: a link never moves an assessment into another year
    const later = { ...first, file: file({}, {}, meta({ id: 'one' })) };
    later.file.profile = { year: 2030 };
    expect(chronological([second, later]).map((x) => x.id)).toEqual(['m-second', 'z-first']);
    // a hand-made cycle falls back to creation time, then id
    const x = { id: 'x', createdAt: at, file: file({}, {}, meta({ id: 'x', previousId: 'y' })) };
    const y = { id: 'y', createdAt: at, file: file({}, {}, meta({ id: 'y', previousId: 'x' })) };
    expect(chronological([y, x]).map((e) => e.id)).toEqual(['x', 'y']);
  });

  it('takes the year from the creation date in China Standard Time when the profile has none', () => {
    const noYear = file({});
    delete noYear.profile;
    expect(assessmentYear({ file: noYear, createdAt: Date.parse('2026-12-31T15:59:59.999Z') }).year).toBe(2026);
    expect(assessmentYear({ file: noYear, createdAt: Date.parse('2026-12-31T16:00:00.000Z') }).year).toBe(2027);
  });
});

describe('the digilevel extension: results and previousCreatedAt', () => {
  const withExt = (ext: unknown) => ({ ...fixture(), [EXTENSION_KEY]: ext });
  const check = (data: unknown) => validateAssessment(data, getRubric);

  it('accepts every indicator within its range and keeps the values', () => {
    const results = Object.fromEntries(EFFECT_INDICATORS.indicators.map((i) => [i.id, i.min ?? 0]));
    const r = check(withExt({ results, meta: { previousCreatedAt: '2026-01-02T03:04:05.000Z' } }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.file[EXTENSION_KEY]?.results).toEqual(results);
      expect(r.file[EXTENSION_KEY]?.meta?.previousCreatedAt).toBe('2026-01-02T03:04:05.000Z');
    }
  });

  it.each([
    ['an unknown indicator', { results: { 'market-share': 3 } }, 'digilevel.results.market-share', 'unknown-key'],
    ['an inherited key', { results: JSON.parse('{"__proto__": 3}') }, 'digilevel.results.__proto__', 'unknown-key'],
    ['a key needing quotes', { results: { 'a b': 1 } }, 'digilevel.results."a b"', 'unknown-key'],
    ['a string value', { results: { 'rd-cycle': '30' } }, 'digilevel.results.rd-cycle', 'type'],
    ['null', { results: { 'rd-cycle': null } }, 'digilevel.results.rd-cycle', 'type'],
    ['below the minimum', { results: { 'rd-cycle': -1 } }, 'digilevel.results.rd-cycle', 'type'],
    [
      'above the maximum',
      { results: { 'customer-satisfaction': 101 } },
      'digilevel.results.customer-satisfaction',
      'type',
    ],
    [
      'revenue falling more than 100 %',
      { results: { 'revenue-growth': -100.5 } },
      'digilevel.results.revenue-growth',
      'type',
    ],
    ['results not an object', { results: [1, 2] }, 'digilevel.results', 'type'],
    [
      'a bad previousCreatedAt',
      { meta: { previousCreatedAt: 'last year' } },
      'digilevel.meta.previousCreatedAt',
      'type',
    ],
  ])('rejects %s', (_, ext, key, code) => {
    const r = check(withExt(ext));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ key, code });
  });

  it('the result patch sets and clears values', () => {
    let f = applyPatch(fixture(), { op: 'result', id: 'rd-cycle', value: 120 });
    expect(f[EXTENSION_KEY]?.results).toEqual({ 'rd-cycle': 120 });
    f = applyPatch(f, { op: 'result', id: 'rd-cycle', value: undefined });
    expect(f[EXTENSION_KEY]?.results).toBeUndefined();
    f = applyPatch(f, { op: 'result', id: 'rd-cycle', value: Number.NaN });
    expect(f[EXTENSION_KEY]?.results).toBeUndefined();
  });
});
