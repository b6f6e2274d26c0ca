/** Issue 14, item 5: one data-error shape (code, file, issues) and one parseWith for every loader. */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  DataError,
  PlannerError,
  RubricError,
  GuideError,
  checkWith,
  parseWith,
  parseCostModel,
  getRubric,
} from '../../src/domain/index';
import { rubricParts } from '../../src/domain/rubric/parts';
import { getManifest } from '../../src/domain/rubric/registry';

const Point = v.strictObject({ x: v.number(), y: v.number() });
const ordered = (p: { x: number; y: number }) => (p.x <= p.y ? [] : [{ path: 'x', message: 'x above y' }]);

describe('parseWith and checkWith', () => {
  it('returns the value, or every issue with its path: schema first, cross-checks only on what it accepted', () => {
    expect(checkWith(Point, { x: 1, y: 2 }, ordered)).toEqual({ ok: true, value: { x: 1, y: 2 } });
    expect(checkWith(Point, { x: 3, y: 2 }, ordered)).toEqual({
      ok: false,
      issues: [{ path: 'x', message: 'x above y' }],
    });
    const bad = checkWith(Point, { x: 'a' }, ordered);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['x', 'y']);
    expect(checkWith(Point, 7).ok ? null : checkWith(Point, 7)).toMatchObject({ issues: [{ path: '(root)' }] });
  });

  it('throws the class asked for, with code, file and issues, its message naming file, path and problem', () => {
    let caught: unknown;
    try {
      parseWith(Point, { x: 3, y: 2 }, 'points.json', { crossCheck: ordered, error: GuideError });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GuideError);
    expect(caught).toBeInstanceOf(DataError);
    expect(caught).toMatchObject({
      name: 'GuideError',
      code: 'guide',
      file: 'points.json',
      issues: [{ path: 'x', message: 'x above y' }],
      message: 'points.json x: x above y',
    });
    expect(() => parseWith(Point, {}, 'p.json')).toThrow(DataError);
    expect(() => parseWith(Point, {}, 'p.json')).not.toThrow(RubricError);
  });

  it('a loader throws its own kind of DataError', () => {
    const rubric = getRubric('cn-sme-2024')!;
    expect(() => parseCostModel({}, rubric, 'rubrics/x/costs.json')).toThrow(PlannerError);
    try {
      parseCostModel({}, rubric, 'rubrics/x/costs.json');
    } catch (e) {
      expect(e).toMatchObject({ code: 'planner', file: 'rubrics/x/costs.json' });
      expect((e as DataError).message).toMatch(/^rubrics\/x\/costs\.json \S+: /);
    }
  });
});

describe('rubricParts: the parts of a folder by model, for validate-rubrics', () => {
  it('lists the weighted rubric parts with checks that name what is wrong', () => {
    const rubric = getRubric('cn-sme-2024')!;
    const parts = rubricParts(getManifest('cn-sme-2024')!, rubric);
    expect(parts.map((p) => p.name)).toEqual(['costs.json', 'evidence.json', 'consistency.json']);
    for (const p of parts) expect(p.check({}, p.name).length, p.name).toBeGreaterThan(0);
  });
});
