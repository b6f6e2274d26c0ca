import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseAssessmentText,
  validateAssessment,
  getRubric,
  getAnyRubric,
  loadRubric,
  describeIssue,
  type FileIssue,
} from '../../src/domain/index';

const valid = () => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const check = (data: unknown) => validateAssessment(data, getRubric);
const firstIssue = (data: unknown): FileIssue => {
  const r = check(data);
  if (r.ok) throw new Error('expected a rejection');
  return r.issues[0]!;
};

describe('assessment file validation', () => {
  it('accepts the valid fixture and keeps unknown top-level keys', () => {
    const r = check(valid());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file['x-other-tool']).toEqual({ kept: true });
  });

  it.each([
    ['not JSON', '{"format": ', '(file)', 'invalid-json'],
    ['an array', '[]', '(file)', 'not-object'],
  ])('rejects %s', (_, text, key, code) => {
    const r = parseAssessmentText(text, getRubric);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ key, code });
  });

  const mutate = (fn: (d: Record<string, any>) => void) => {
    const d = valid();
    fn(d);
    return d;
  };

  it.each([
    ['wrong format', (d: any) => (d.format = 'other'), 'format', 'format'],
    ['format version 2', (d: any) => (d.version = 2), 'version', 'version'],
    ['unknown rubric', (d: any) => (d.rubric = 'cn-sme-2099'), 'rubric', 'unknown-rubric'],
    ['single index out of range', (d: any) => (d.answers.q2 = 5), 'answers.q2', 'index-range'],
    ['negative index', (d: any) => (d.answers.q8 = -1), 'answers.q8', 'index-range'],
    ['q8 index 6 (six options)', (d: any) => (d.answers.q8 = 6), 'answers.q8', 'index-range'],
    ['multiple index out of range', (d: any) => (d.answers.q4 = [15]), 'answers.q4', 'index-range'],
    ['「无」 mixed with others', (d: any) => (d.answers.q1 = [0, 2]), 'answers.q1', 'none-mixed'],
    ['duplicate indices', (d: any) => (d.answers.q6 = [1, 1]), 'answers.q6', 'duplicate-index'],
    ['empty selection', (d: any) => (d.answers.q7 = []), 'answers.q7', 'empty-selection'],
    ['single as array', (d: any) => (d.answers.q5 = [1]), 'answers.q5', 'type'],
    ['multiple as integer', (d: any) => (d.answers.q1 = 1), 'answers.q1', 'type'],
    ['fractional index', (d: any) => (d.answers.q2 = 1.5), 'answers.q2', 'type'],
    ['string index', (d: any) => (d.answers.q2 = '1'), 'answers.q2', 'type'],
    ['unknown question', (d: any) => (d.answers.q16 = 1), 'answers.q16', 'unknown-key'],
    ['answers not an object', (d: any) => (d.answers = [1, 2]), 'answers', 'type'],
    [
      'scenario with three booleans',
      (d: any) => (d.scenarios.quality = [true, true, true]),
      'scenarios.quality',
      'scenario-shape',
    ],
    ['scenario with a number', (d: any) => (d.scenarios.quality = [1, 0, 0, 0]), 'scenarios.quality', 'scenario-shape'],
    [
      'unknown scenario',
      (d: any) => (d.scenarios.marketing2 = [true, false, false, false]),
      'scenarios.marketing2',
      'unknown-key',
    ],
    ['unknown industry', (d: any) => (d.profile.industry = 'textiles'), 'profile.industry', 'unknown-id'],
    ['unknown size', (d: any) => (d.profile.size = 'huge'), 'profile.size', 'unknown-id'],
    ['non-string name', (d: any) => (d.profile.name = 42), 'profile.name', 'type'],
    [
      'prototype key in answers',
      (d: any) => Object.defineProperty(d.answers, '__proto__', { value: 1, enumerable: true }),
      'answers.__proto__',
      'unknown-key',
    ],
  ])('rejects %s with the offending key', (_, fn, key, code) => {
    expect(firstIssue(mutate(fn))).toMatchObject({ key, code });
  });

  it('keeps a __proto__ top-level key as plain data, never as a prototype', () => {
    const r = parseAssessmentText(
      JSON.stringify(valid()).replace(/^\{/, '{"__proto__": {"polluted": true},'),
      getRubric,
    );
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.getPrototypeOf(r.file)).toBe(Object.prototype);
  });

  it('rejects deep nesting and oversized files without throwing', () => {
    const deep = valid();
    let node: Record<string, unknown> = deep;
    for (let i = 0; i < 100; i++) node = node.x = {};
    expect(firstIssue(deep).code).toBe('too-deep');
    const huge = parseAssessmentText(' '.repeat(2_000_001), getRubric);
    expect(huge.ok ? null : huge.issues[0]!.code).toBe('too-large');
  });

  it('describes issues on one line naming the key', () => {
    expect(describeIssue({ key: 'answers.q1', code: 'none-mixed' })).toBe(
      'answers.q1: 「无」 (index 0) mixed with other options',
    );
  });

  it('sorts multiple-choice indices so equal answers compare equal', () => {
    const r = check(mutate((d) => (d.answers.q1 = [3, 1])));
    expect(r.ok && r.file.answers.q1).toEqual([1, 3]);
  });
});

describe('sd-chenxing-2022 files (checklist answers)', () => {
  const checklist = () =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/chenxing-level2.json'), 'utf8'));
  const checkAny = (data: unknown) => validateAssessment(data, getAnyRubric);
  beforeAll(async () => {
    await loadRubric('sd-chenxing-2022');
  });

  it('accepts item id → boolean answers', () => {
    expect(checkAny(checklist()).ok).toBe(true);
  });

  it.each([
    ['a non-boolean answer', (d: any) => (d.answers['lean-factory-layout'] = 1), 'answers.lean-factory-layout', 'type'],
    ['an unknown item', (d: any) => (d.answers['no-such-item'] = true), 'answers.no-such-item', 'unknown-key'],
    [
      'a scenario key',
      (d: any) => (d.scenarios = { quality: [true, false, false, false] }),
      'scenarios.quality',
      'unknown-key',
    ],
    [
      'a bad readiness value',
      (d: any) => (d.digilevel = { readiness: { 'equipment-count': -1 } }),
      'digilevel.readiness.equipment-count',
      'type',
    ],
    [
      'an unknown readiness field',
      (d: any) => (d.digilevel = { readiness: { nope: 1 } }),
      'digilevel.readiness.nope',
      'unknown-key',
    ],
  ])('rejects %s with the offending key', (_, fn, key, code) => {
    const d = checklist();
    fn(d);
    const r = checkAny(d);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ key, code });
  });

  it('rejects readiness answers in a cn-sme-2024 file', () => {
    const r = checkAny({ ...valid(), digilevel: { readiness: { 'equipment-count': 3 } } });
    expect(r.ok ? null : r.issues[0]?.key).toBe('digilevel.readiness');
  });
});
