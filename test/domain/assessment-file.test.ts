import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseAssessmentText,
  parseBackupText,
  parseInstant,
  validateAssessment,
  getRubric,
  getAnyRubric,
  loadRubric,
  describeIssue,
  EXTENSION_KEY,
  MAX_NAME_CHARS,
  MAX_NOTE_CHARS,
  MIN_PROFILE_YEAR,
  MAX_PROFILE_YEAR,
  MAX_FILE_CHARS,
  type FileIssue,
} from '../../src/domain/index';

const valid = () => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const check = (data: unknown) => validateAssessment(data, getRubric);
const firstIssue = (data: unknown): FileIssue => {
  const r = check(data);
  if (r.ok) throw new Error('expected a rejection');
  return r.error.issues[0]!;
};

describe('assessment file validation', () => {
  it('accepts the valid fixture and keeps unknown top-level keys', () => {
    const r = check(valid());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.unknownKeys?.['x-other-tool']).toEqual({ kept: true });
  });

  it.each([
    ['not JSON', '{"format": ', '(file)', 'invalid-json'],
    ['an array', '[]', '(file)', 'not-object'],
  ])('rejects %s', (_, text, key, code) => {
    const r = parseAssessmentText(text, getRubric);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ key, code });
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
    expect(huge.ok ? null : huge.error.issues[0]!.code).toBe('too-large');
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
    expect(r.ok ? null : r.error.issues[0]).toMatchObject({ key, code });
  });

  it('rejects readiness answers in a cn-sme-2024 file', () => {
    const r = checkAny({ ...valid(), digilevel: { readiness: { 'equipment-count': 3 } } });
    expect(r.ok ? null : r.error.issues[0]?.key).toBe('digilevel.readiness');
  });
});

describe('reading the text: byte order mark and JSON syntax errors', () => {
  it('accepts a leading UTF-8 byte order mark (Windows Notepad), in a single file and in a backup', () => {
    const text = '\uFEFF' + JSON.stringify(valid());
    expect(parseAssessmentText(text, getRubric).ok).toBe(true);
    const backup = parseBackupText(text, getRubric);
    expect(backup.ok && backup.entries[0]?.ok).toBe(true);
  });

  it.each([
    [
      'a missing comma',
      '{\n  "format": "sme-digital-assessment",\n  "version": 1 "rubric": "cn-sme-2024"\n}',
      'missing-comma',
      3,
      16,
    ],
    ['a missing colon', '{"format" "x"}', 'missing-colon', 1, 11],
    ['a trailing comma in an object', '{"format": 1,}', 'expected-key', 1, 14],
    ['a trailing comma in an array', '{"a": [1,\n]}', 'unexpected-character', 2, 1],
    ['single quotes', "{'format': 1}", 'expected-key', 1, 2],
    ['an unexpected word', '{\n"a": x,\n"b":\n\n2}', 'unexpected-character', 2, 6],
    ['a cut-off file', '{"format": "sme-digital-assessment",\n  "answers": {"q1": [1', 'unexpected-end', 2, 23],
    ['an unclosed string', '{"format": "sme', 'unterminated-string', 1, 16],
    ['a raw line break in a string', '{"a": "one\ntwo"}', 'bad-string', 1, 11],
    ['a leading zero', '{"a": 01}', 'bad-number', 1, 8],
    ['text after the object', '{"a": 1}\n{"b": 2}', 'trailing-content', 2, 1],
    ['an empty file', '', 'unexpected-end', 1, 1],
  ])('names %s with its line and column', (_, text, code, line, column) => {
    const r = parseAssessmentText(text, getRubric);
    expect(r.ok ? null : r.error.issues[0]).toEqual({
      key: '(file)',
      code: 'invalid-json',
      json: { code, line, column },
    });
  });

  it('describes a syntax error on one line without quoting the input', () => {
    const text = '{\n"a": x,\n"b":\n\n2, "secret": "do not echo"}';
    const r = parseAssessmentText(text, getRubric);
    const line = r.ok ? '' : describeIssue(r.error.issues[0]!);
    expect(line).toBe('(file): not valid JSON: unexpected character near line 2 column 6');
    const backup = parseBackupText(text, getRubric);
    expect(backup.ok ? '' : describeIssue(backup.error.issues[0]!)).toBe(line);
  });
});

describe('the digilevel key and the limits, as docs/digilevel-extension.md states them', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/digilevel-extension.md'), 'utf8');
  const withExt = (ext: unknown) => ({ ...valid(), [EXTENSION_KEY]: ext });
  const issuesOf = (data: unknown) => {
    const r = check(data);
    return r.ok ? [] : r.error.issues.map((i) => ({ key: i.key, code: i.code }));
  };

  it('documents every meta key the validator knows, and only those', () => {
    const keys = [
      'label',
      'enterpriseId',
      'id',
      'createdAt',
      'updatedAt',
      'previousId',
      'previousCreatedAt',
      'variantOf',
    ];
    for (const key of keys) {
      expect(doc, key).toContain(`meta.${key}`);
      // known: a wrong value is a type error on that key, not an unknown key
      expect(issuesOf(withExt({ meta: { [key]: 42 } })), key).toEqual([{ key: `digilevel.meta.${key}`, code: 'type' }]);
    }
    const documented = [...doc.matchAll(/`meta\.([A-Za-z]+)`/g)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...keys].sort());
  });

  it.each([
    ['in meta', { meta: { label: 'x', colour: 'red' } }, 'digilevel.meta.colour'],
    [
      'in a roadmap step',
      { roadmap: { 'some-step': { status: 'done', owner: 'Li' } } },
      'digilevel.roadmap.some-step.owner',
    ],
    ['at the top of the key', { colour: 'red' }, 'digilevel.colour'],
  ])('rejects an unknown key %s, naming it', (_, ext, key) => {
    expect(issuesOf(withExt(ext))).toEqual([{ key, code: 'unknown-key' }]);
  });

  it('names every wrong key in meta and in a roadmap step, not only the first', () => {
    expect(issuesOf(withExt({ meta: { label: 1, createdAt: 'soon' } }))).toEqual([
      { key: 'digilevel.meta.label', code: 'type' },
      { key: 'digilevel.meta.createdAt', code: 'type' },
    ]);
    expect(issuesOf(withExt({ roadmap: { s: { status: 'x', quarter: 'Q1' } } }))).toEqual([
      { key: 'digilevel.roadmap.s.status', code: 'unknown-id' },
      { key: 'digilevel.roadmap.s.quarter', code: 'type' },
    ]);
  });

  it.each([
    ['a number as text', '0'],
    ['an English date', 'Jan 1 2026'],
    ['a date without a time', '2026-01-01'],
    ['a time without an offset (local time)', '2026-01-01T08:00:00'],
    ['a day that does not exist', '2026-02-30T00:00:00Z'],
    ['an hour that does not exist', '2026-01-01T24:00:00Z'],
    ['an offset that does not exist', '2026-01-01T00:00:00+25:00'],
    ['a space instead of T', '2026-01-01 00:00:00Z'],
  ])('rejects %s as a date', (_, date) => {
    for (const key of ['createdAt', 'updatedAt', 'previousCreatedAt'])
      expect(issuesOf(withExt({ meta: { [key]: date } })), key).toEqual([
        { key: `digilevel.meta.${key}`, code: 'type' },
      ]);
  });

  it('accepts ISO 8601 date-times with Z or an offset, read as the same instant on every machine', () => {
    for (const date of [
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T08:00:00+08:00',
      '2026-01-01T00:00Z',
      '2024-02-29T23:59:59.5-05:30',
    ])
      expect(issuesOf(withExt({ meta: { createdAt: date } })), date).toEqual([]);
    expect(parseInstant('2026-01-01T08:00:00+08:00')).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
    // whatever time export can write (toISOString, expanded years included) reads back as that time
    for (const ms of [0, Date.UTC(2024, 1, 29), Date.UTC(10000, 0, 1), 8.64e15, -8.64e15])
      expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
  });

  it('states the limits it applies to the spec keys, and applies them', () => {
    for (const limit of [MAX_NAME_CHARS, MIN_PROFILE_YEAR, MAX_PROFILE_YEAR, MAX_NOTE_CHARS])
      expect(doc).toContain(String(limit));
    expect(doc).toContain(MAX_FILE_CHARS.toLocaleString('en'));
    const profile = (p: Record<string, unknown>) => issuesOf({ ...valid(), profile: p });
    expect(profile({ name: 'x'.repeat(MAX_NAME_CHARS) })).toEqual([]);
    expect(profile({ name: 'x'.repeat(MAX_NAME_CHARS + 1) })).toEqual([{ key: 'profile.name', code: 'too-long' }]);
    expect(profile({ year: MIN_PROFILE_YEAR })).toEqual([]);
    expect(profile({ year: MAX_PROFILE_YEAR })).toEqual([]);
    expect(profile({ year: MIN_PROFILE_YEAR - 1 })).toEqual([{ key: 'profile.year', code: 'type' }]);
    expect(profile({ year: MAX_PROFILE_YEAR + 1 })).toEqual([{ key: 'profile.year', code: 'type' }]);
    expect(
      describeIssue({ key: 'profile.year', code: 'type', detail: `integer ${MIN_PROFILE_YEAR}–${MAX_PROFILE_YEAR}` }),
    ).toBe('profile.year: wrong type, expected integer 1900–2200');
    const r = check({ ...valid(), profile: { year: 2201 } });
    expect(r.ok ? null : describeIssue(r.error.issues[0]!)).toBe(
      'profile.year: wrong type, expected integer 1900–2200',
    );
  });
});
