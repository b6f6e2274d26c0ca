/**
 * The evidence checklist's ticks in the file: `digilevel.evidenceChecks` (claim key → evidence ids),
 * validated on import like the rest of the extension, and the `evidenceCheck` patch that the review
 * screen writes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTENSION_KEY,
  applyPatch,
  getRubric,
  newAssessmentFile,
  validateAssessment,
  evidenceChecklist,
  getEvidenceGuidance,
  MAX_EVIDENCE_CHECKS,
  type AssessmentFile,
  type FileIssue,
} from '../../src/domain/index';

const rubric = getRubric('cn-sme-2024')!;
const valid = () => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const withChecks = (checks: unknown) => ({ ...valid(), [EXTENSION_KEY]: { evidenceChecks: checks } });
const check = (data: unknown) => validateAssessment(data, getRubric);
const issuesOf = (data: unknown): FileIssue[] => {
  const r = check(data);
  if (r.ok) throw new Error('expected a rejection');
  return r.error.issues;
};

describe('digilevel.evidenceChecks in the file', () => {
  it('accepts question and scenario-level claims with evidence ids and keeps them', () => {
    const checks = {
      q1: ['network-topology', '5g-service-contract'],
      'quality@3': ['spc-charts'],
      'equipment@1': [],
      'hr@4': ['x'],
    };
    const r = check(withChecks(checks));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file[EXTENSION_KEY]?.evidenceChecks).toEqual(checks);
  });

  it('drops duplicate ids', () => {
    const r = check(withChecks({ q2: ['equipment-register', 'equipment-register'] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file[EXTENSION_KEY]?.evidenceChecks).toEqual({ q2: ['equipment-register'] });
  });

  it('round-trips through JSON like any other extension key', () => {
    const data = withChecks({ q5: ['system-list'] });
    const r = check(JSON.parse(JSON.stringify(data)));
    expect(r.ok && r.file[EXTENSION_KEY]?.evidenceChecks).toEqual({ q5: ['system-list'] });
  });

  it.each([
    ['an unknown question', { q16: ['a'] }, 'digilevel.evidenceChecks.q16'],
    ['an unknown scenario', { 'robots@2': ['a'] }, '"robots@2"'],
    ['level 0', { 'quality@0': ['a'] }, '"quality@0"'],
    ['level 5', { 'quality@5': ['a'] }, '"quality@5"'],
    ['a scenario without a level', { quality: ['a'] }, 'digilevel.evidenceChecks.quality'],
    ['a question with a level', { 'q4@2': ['a'] }, '"q4@2"'],
    ['upper case', { Q4: ['a'] }, 'digilevel.evidenceChecks.Q4'],
    ['a prototype key', JSON.parse('{"__proto__": ["a"]}'), 'digilevel.evidenceChecks.__proto__'],
  ])('rejects %s as an unknown key, naming it', (_, checks, key) => {
    const issues = issuesOf(withChecks(checks));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'unknown-key' });
    expect(issues[0]!.key).toBe(key.startsWith('"') ? `digilevel.evidenceChecks.${key}` : key);
  });

  it('quotes and shortens a hostile key', () => {
    const key = `${'x'.repeat(100)}@1`;
    const [issue] = issuesOf(withChecks({ [key]: ['a'] }));
    expect(issue!.key.length).toBeLessThan(80);
    expect(issue!.key.startsWith('digilevel.evidenceChecks."xxx')).toBe(true);
  });

  it.each([
    ['a string', 'network-topology'],
    ['an object', { id: 'network-topology' }],
    ['numbers', [1, 2]],
    ['null', null],
    ['an id with spaces', ['network topology']],
    ['an upper-case id', ['Network']],
    ['an empty id', ['']],
    ['an overlong id', ['a'.repeat(65)]],
    ['free text', ['<script>alert(1)</script>']],
  ])('rejects %s as the value, naming the claim', (_, value) => {
    const issues = issuesOf(withChecks({ 'quality@2': value }));
    expect(issues).toEqual([
      { key: 'digilevel.evidenceChecks."quality@2"', code: 'type', detail: 'array of evidence ids' },
    ]);
  });

  it(`rejects more than ${MAX_EVIDENCE_CHECKS} ids and accepts exactly ${MAX_EVIDENCE_CHECKS}`, () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `e${i}`);
    expect(check(withChecks({ q1: ids(MAX_EVIDENCE_CHECKS) })).ok).toBe(true);
    expect(issuesOf(withChecks({ q1: ids(MAX_EVIDENCE_CHECKS + 1) }))).toEqual([
      { key: 'digilevel.evidenceChecks.q1', code: 'too-long', detail: `${MAX_EVIDENCE_CHECKS}` },
    ]);
  });

  it('rejects evidenceChecks that is not an object', () => {
    for (const bad of [[], 'q1', 3, null]) {
      expect(issuesOf(withChecks(bad))).toEqual([{ key: 'digilevel.evidenceChecks', code: 'type', detail: 'object' }]);
    }
  });

  it('reports every bad claim, not only the first', () => {
    const issues = issuesOf(withChecks({ q1: ['ok'], q99: ['a'], 'quality@2': 'x' }));
    expect(issues.map((i) => i.key)).toEqual(['digilevel.evidenceChecks.q99', 'digilevel.evidenceChecks."quality@2"']);
  });

  it('leaves the spec keys alone: a file with ticks scores like the same file without them', () => {
    const r = check(withChecks({ q1: ['network-topology'] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { [EXTENSION_KEY]: ext, ...rest } = r.file;
    expect(ext).toEqual({ evidenceChecks: { q1: ['network-topology'] } });
    expect(rest.answers).toEqual(valid().answers);
    expect(rest.scenarios).toEqual(valid().scenarios);
  });
});

describe('the evidenceCheck patch', () => {
  const empty = () => newAssessmentFile('cn-sme-2024');

  it('sets, replaces and clears the ticks of one claim without touching others', () => {
    let file: AssessmentFile = applyPatch(empty(), { op: 'evidenceCheck', claim: 'q1', ids: ['network-topology'] });
    file = applyPatch(file, { op: 'evidenceCheck', claim: 'quality@3', ids: ['spc-charts', 'spc-charts'] });
    expect(file[EXTENSION_KEY]?.evidenceChecks).toEqual({ q1: ['network-topology'], 'quality@3': ['spc-charts'] });
    file = applyPatch(file, { op: 'evidenceCheck', claim: 'q1', ids: ['network-topology', 'coverage-map'] });
    expect(file[EXTENSION_KEY]?.evidenceChecks?.q1).toEqual(['network-topology', 'coverage-map']);
    file = applyPatch(file, { op: 'evidenceCheck', claim: 'q1', ids: [] });
    expect(file[EXTENSION_KEY]?.evidenceChecks).toEqual({ 'quality@3': ['spc-charts'] });
  });

  it('does not change its input and does not share the ids array', () => {
    const before = empty();
    const ids = ['network-topology'];
    const after = applyPatch(before, { op: 'evidenceCheck', claim: 'q1', ids });
    expect(before[EXTENSION_KEY]).toBeUndefined();
    ids.push('mutated');
    expect(after[EXTENSION_KEY]?.evidenceChecks?.q1).toEqual(['network-topology']);
  });

  it('writes files that validate, and the checklist reads the ticks back', () => {
    let file: AssessmentFile = { ...valid() };
    file = applyPatch(file, { op: 'evidenceCheck', claim: 'q1', ids: ['network-topology'] });
    file = applyPatch(file, { op: 'evidenceCheck', claim: 'quality@1', ids: ['quality-spreadsheets'] });
    const r = check(JSON.parse(JSON.stringify(file)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const list = evidenceChecklist(
      rubric,
      getEvidenceGuidance('cn-sme-2024')!,
      r.file,
      r.file[EXTENSION_KEY]?.evidenceChecks,
    );
    expect(list.claims.find((c) => c.key === 'q1')?.checked).toEqual(['network-topology']);
    expect(list.claims.find((c) => c.key === 'quality@1')?.checked).toEqual(['quality-spreadsheets']);
  });
});
