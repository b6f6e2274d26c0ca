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
  AssessmentFileError,
  assessmentFileError,
  parseAssessmentText,
  scoreAssessmentText,
} from '../../src/domain/index';
import { parseBackupText } from '../../src/domain/assessment/backup';
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

describe('an assessment file (import, merge, CLI) is refused with the same shape', () => {
  const bad = JSON.stringify({
    format: 'sme-digital-assessment',
    version: 1,
    rubric: 'cn-sme-2024',
    answers: { q1: [0, 2], q2: 9 },
  });

  it('parseAssessmentText and parseBackupText return a DataError of code "assessment" with every issue', () => {
    const r = parseAssessmentText(bad, getRubric);
    const error = r.ok ? undefined : r.error;
    expect(error).toBeInstanceOf(AssessmentFileError);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      code: 'assessment',
      file: '',
      issues: [
        { key: 'answers.q1', code: 'none-mixed' },
        { key: 'answers.q2', code: 'index-range', detail: '0–4' },
      ],
      message: 'answers.q1: 「无」 (index 0) mixed with other options (and 1 more)',
    });
    const backup = parseBackupText(bad, getRubric);
    const entry = backup.ok ? backup.entries[0] : undefined;
    expect(entry && !entry.ok ? entry.error : undefined).toMatchObject({ code: 'assessment', issues: error!.issues });
    const fatal = parseBackupText('[]', getRubric);
    expect(fatal.ok ? undefined : fatal.error).toMatchObject({ code: 'assessment', issues: [{ key: '(file)' }] });
  });

  it('the CLI prints its message; a named file leads it', async () => {
    expect(await scoreAssessmentText(bad)).toEqual({
      ok: false,
      error: 'answers.q1: 「无」 (index 0) mixed with other options (and 1 more)',
    });
    const named = assessmentFileError([{ key: 'version', code: 'version', detail: '2' }], 'a.json');
    expect(named).toMatchObject({
      file: 'a.json',
      message: 'a.json: version: unsupported format version 2 (expected 1)',
    });
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
