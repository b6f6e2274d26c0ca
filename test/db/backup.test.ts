import { describe, expect, it, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB, type StoredAssessment } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { describeImportIssue, exportBackup, importBackup, storedDuplicateKey } from '../../src/db/backup';
import {
  BACKUP_FORMAT,
  MAX_BACKUP_CHARS,
  MAX_BACKUP_ENTRIES,
  duplicateKey,
  makeBackup,
  parseBackupText,
} from '../../src/domain/assessment/backup';
import { getRubric, MAX_FILE_CHARS, EXTENSION_KEY, type AssessmentFile } from '../../src/domain/index';

const fixtureText = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');
const fixture = () => JSON.parse(fixtureText);

let n = 0;
let db: DigiLevelDB;
let store: AssessmentStore;
beforeEach(async () => {
  db = new DigiLevelDB(`test-backup-${n++}`);
  await db.open();
  store = new AssessmentStore(db, 'tab-test');
});

/** Three assessments with varied answers, scenarios, notes, evidence, numbers, energy, roadmap and dates. */
async function seedThree(): Promise<string[]> {
  const a = await store.create('cn-sme-2024', {
    name: '甲机械制造有限公司',
    industry: 'electrical',
    size: 'micro-small',
    year: 2025,
  });
  await store.update(a, [
    { op: 'answer', id: 'q1', value: [3, 1] },
    { op: 'answer', id: 'q2', value: 2 },
    { op: 'answer', id: 'q9', value: [0] },
    { op: 'scenario', id: 'quality', checks: [true, true, false, false] },
    { op: 'note', id: 'q2', text: '设备台账见附件\n第二行 "引号" <b>粗</b>' },
    { op: 'evidence', id: 'quality', items: ['质检记录.pdf', 'https://example.invalid/x?a=1&b=2'] },
    { op: 'number', question: 'q2', field: 'equipment-total', value: 120 },
    { op: 'number', question: 'q2', field: 'equipment-digitised', value: 37.5 },
    { op: 'meta', key: 'label', value: '2025 年度自评' },
  ]);
  const enterprise = (await store.get(a))!.enterpriseId;
  // a re-assessment of the same enterprise, anonymous
  const b = await store.create('cn-sme-2024', {}, enterprise);
  await store.update(b, [
    { op: 'answer', id: 'q4', value: [14, 2, 7] },
    { op: 'answer', id: 'q8', value: 5 },
    { op: 'answer', id: 'q12', value: 1 },
    { op: 'scenario', id: 'product-design', checks: [true, true, true, true] },
    { op: 'scenario', id: 'hr', checks: [true, false, true, false] },
    { op: 'number', question: 'q11', field: 'investment-per-year', value: 0.5 },
    { op: 'number', question: 'q11', field: 'revenue-per-year', value: 1e9 },
    { op: 'energy', year: 'lastYear', id: 'electricity', value: 1234.56 },
    { op: 'energy', year: 'yearBefore', id: 'anthracite', value: 0 },
    { op: 'override', question: 'q12', on: true },
    { op: 'roadmap', id: 'mes-pilot', state: { status: 'done', quarter: '2026-Q2', note: '试点完成' } },
  ]);
  const c = await store.create('cn-sme-2024', { industry: 'pharma', name: '  丙药业 ' });
  await store.update(c, [
    { op: 'answer', id: 'q13', value: 2 },
    { op: 'answer', id: 'q10', value: [5, 1, 3] },
    { op: 'scenario', id: 'energy', checks: [true, true, false, false] },
    { op: 'note', id: 'energy', text: 'x'.repeat(5000) },
    { op: 'evidence', id: 'q13', items: ['📷 照片', '', '<script>alert(1)</script>'] },
    { op: 'number', question: 'q13', field: 'pass-rate-after', value: -3.25 },
    { op: 'number', question: 'q13', field: 'pass-rate-before', value: 1e-7 },
    { op: 'roadmap', id: 'erp', state: { status: 'not-relevant' } },
    { op: 'profile', key: 'size', value: 'little-giant' },
  ]);
  // spread the dates so that restored dates are told apart from "now"
  await db.assessments.update(a, { createdAt: Date.UTC(2024, 0, 15, 8, 30), updatedAt: Date.UTC(2025, 5, 1) });
  await db.assessments.update(b, { createdAt: Date.UTC(2025, 11, 31, 23, 59, 59, 999) });
  return [a, b, c];
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('backup export and import', () => {
  it('round-trips every assessment: same export, dates and enterprise ids', async () => {
    const ids = await seedThree();
    const originals = new Map<string, StoredAssessment>();
    for (const id of ids) originals.set(id, (await store.get(id))!);
    const text = await exportBackup(store, new Date('2026-05-01T08:00:00Z'));
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: '2026-05-01T08:00:00.000Z' });
    expect(backup.assessments).toHaveLength(3);
    // what each single export would have written
    const exports = new Map(ids.map((id) => [id, json(toExport(originals.get(id)!))]));
    expect(new Set(backup.assessments.map(JSON.stringify))).toEqual(
      new Set([...exports.values()].map((e) => JSON.stringify(e))),
    );

    await db.assessments.clear();
    const report = await importBackup(store, text, getRubric);
    expect(report.fatal).toBeUndefined();
    expect(report.rejected).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.imported).toHaveLength(3);
    expect(await db.assessments.count()).toBe(3);

    for (const { index, id, name } of report.imported) {
      const stored = (await store.get(id))!;
      const entry = backup.assessments[index];
      expect(toExport(stored)).toEqual(entry);
      expect(json(toExport(stored))).toEqual(entry);
      const original = [...originals.values()].find(
        (o) => json(toExport(o)).digilevel.meta.createdAt === entry.digilevel.meta.createdAt,
      )!;
      expect(ids).not.toContain(id); // a new local record id …
      expect(stored).toMatchObject({
        // … but everything else as before
        createdAt: original.createdAt,
        updatedAt: original.updatedAt,
        enterpriseId: original.enterpriseId,
        revision: 1,
      });
      expect(name).toBe(original.file.profile?.name?.trim() ?? '');
    }
  });

  it('skips assessments already stored: a second import of the same backup adds nothing', async () => {
    await seedThree();
    const text = await exportBackup(store);
    const before = (await db.assessments.toArray()).map((a) => a.id).sort();
    const report = await importBackup(store, text, getRubric);
    expect(report.imported).toEqual([]);
    expect(report.duplicates.map((d) => d.index).sort()).toEqual([0, 1, 2]);
    expect(report.fatal).toBeUndefined();
    expect((await db.assessments.toArray()).map((a) => a.id).sort()).toEqual(before);

    // and after a clear + restore, a third import is all duplicates too
    await db.assessments.clear();
    expect((await importBackup(store, text, getRubric)).imported).toHaveLength(3);
    const again = await importBackup(store, text, getRubric);
    expect([again.imported.length, again.duplicates.length]).toEqual([0, 3]);
    expect(await db.assessments.count()).toBe(3);
  });

  it('the duplicate rule: content and creation time, not updatedAt or unknown keys', async () => {
    const [a] = await seedThree();
    const original = json(toExport((await store.get(a!))!)) as AssessmentFile;
    const variant = (fn: (f: any) => void) => {
      const f = structuredClone(original) as any;
      fn(f);
      return JSON.stringify(makeBackup([f], new Date()));
    };
    const dup = async (fn: (f: any) => void) => (await importBackup(store, variant(fn), getRubric)).duplicates.length;
    expect(await dup((f) => (f.digilevel.meta.updatedAt = '2030-01-01T00:00:00.000Z'))).toBe(1);
    expect(await dup((f) => (f['x-other-tool'] = { note: 'ignored' }))).toBe(1);
    expect(await dup((f) => (f.digilevel.meta.createdAt = f.digilevel.meta.createdAt.replace('.000Z', 'Z')))).toBe(1);
    expect(await dup((f) => (f.answers.q2 = 3))).toBe(0);
    expect(await dup((f) => (f.digilevel.notes.q2 += '!'))).toBe(0);
    expect(await dup((f) => (f.digilevel.meta.createdAt = '2024-01-15T08:30:00.001Z'))).toBe(0);
    expect(await dup((f) => (f.digilevel.meta.label = '另一个'))).toBe(0);
    expect(await dup((f) => delete f.digilevel.meta.enterpriseId)).toBe(0);
  });

  it('computes the duplicate key of a stored record as of its export', async () => {
    for (const id of await seedThree()) {
      const a = (await store.get(id))!;
      expect(storedDuplicateKey(a)).toBe(duplicateKey(toExport(a)));
    }
  });

  it('rejects one invalid entry with the offending key and imports the others', async () => {
    await seedThree();
    const backup = JSON.parse(await exportBackup(store));
    backup.assessments[1].answers.q2 = 7;
    backup.assessments[2].scenarios.quality = [true];
    await db.assessments.clear();
    const report = await importBackup(store, JSON.stringify(backup), getRubric);
    expect(report.fatal).toBeUndefined();
    expect(report.rejected).toEqual([
      { index: 1, issues: [{ key: 'assessments.1.answers.q2', code: 'index-range', detail: '0–4' }] },
      { index: 2, issues: [{ key: 'assessments.2.scenarios.quality', code: 'scenario-shape' }] },
    ]);
    expect(report.imported.map((i) => i.index)).toEqual([0]);
    expect(await db.assessments.count()).toBe(1);
  });

  it('names whole-entry problems by the entry', () => {
    const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, assessments: [fixture(), 42, { format: 'x' }] });
    const r = parseBackupText(text, getRubric);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('backup');
    expect(r.entries.map((e) => (e.ok ? 'ok' : e.error.issues.map((i) => `${i.key} ${i.code}`).join()))).toEqual([
      'ok',
      'assessments.1 not-object',
      'assessments.2.format format',
    ]);
  });

  it('imports a plain single assessment file as one entry', async () => {
    const report = await importBackup(store, fixtureText, getRubric);
    expect(report).toEqual({
      imported: [{ index: 0, id: expect.any(String), name: '示例食品有限公司' }],
      duplicates: [],
      rejected: [],
    });
    const stored = (await store.get(report.imported[0]!.id))!;
    expect(stored.file.answers).toEqual(fixture().answers);
    expect(stored.file.unknownKeys?.['x-other-tool']).toEqual({ kept: true });
    expect(toExport(stored)['x-other-tool']).toEqual({ kept: true });
    expect(stored.enterpriseId).toBe(stored.file[EXTENSION_KEY]?.meta?.enterpriseId);

    // an invalid single file keeps the keys of a single import
    const bad = fixture();
    bad.answers.q1 = [0, 2];
    const r = await importBackup(store, JSON.stringify(bad), getRubric);
    expect(r.rejected).toEqual([{ index: 0, issues: [{ key: 'answers.q1', code: 'none-mixed' }] }]);
    expect(r.imported).toEqual([]);
    expect(await db.assessments.count()).toBe(1);
  });

  it('treats an entry repeated within one file as a duplicate', async () => {
    const text = JSON.stringify(makeBackup([fixture(), fixture()], new Date()));
    const r = await importBackup(store, text, getRubric);
    expect([r.imported.map((i) => i.index), r.duplicates.map((d) => d.index)]).toEqual([[0], [1]]);
  });

  it.each([
    ['not JSON', '{"format": ', '(file)', 'invalid-json'],
    ['an array', '[]', '(file)', 'not-object'],
    ['another format', '{"format":"something-else","assessments":[]}', 'format', 'format'],
    ['no format', '{"assessments":[]}', 'format', 'format'],
    ['backup version 2', `{"format":"${BACKUP_FORMAT}","version":2,"assessments":[]}`, 'version', 'version'],
    [
      'a bad exportedAt',
      `{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":"soon","assessments":[]}`,
      'exportedAt',
      'type',
    ],
    ['assessments not an array', `{"format":"${BACKUP_FORMAT}","version":1,"assessments":{}}`, 'assessments', 'type'],
    [
      'too many entries',
      `{"format":"${BACKUP_FORMAT}","version":1,"assessments":[${Array(MAX_BACKUP_ENTRIES + 1).fill('{}')}]}`,
      'assessments',
      'type',
    ],
    [
      'a deeply nested format',
      `{"format":${'['.repeat(20000)}${']'.repeat(20000)},"assessments":[]}`,
      'format',
      'format',
    ],
  ])('reports a fatal problem for %s and writes nothing', async (_, text, key, code) => {
    const report = await importBackup(store, text, getRubric);
    expect(report.imported).toEqual([]);
    expect(report.fatal).toEqual([expect.objectContaining({ key, code })]);
    for (const issue of report.fatal!) expect(describeImportIssue(issue)).toMatch(/^\S.*\S$/);
    expect(await db.assessments.count()).toBe(0);
  });

  it('accepts exactly MAX_BACKUP_ENTRIES entries', () => {
    const r = parseBackupText(
      JSON.stringify(makeBackup(Array(MAX_BACKUP_ENTRIES).fill(fixture()), new Date())),
      getRubric,
    );
    expect(r.ok && r.entries.length === MAX_BACKUP_ENTRIES && r.entries.every((e) => e.ok)).toBe(true);
  });

  it('applies the size limits: 50 × a single file for a backup, one file per entry', () => {
    const huge = ' '.repeat(MAX_BACKUP_CHARS + 1);
    const tooLarge = parseBackupText(huge, getRubric);
    expect(tooLarge.ok).toBe(false);
    expect(tooLarge.ok ? null : tooLarge.error.issues).toEqual([
      { key: '(file)', code: 'too-large', detail: `${MAX_BACKUP_CHARS}` },
    ]);
    // a plain file over the single-file limit is rejected as a single import rejects it
    const padded = fixtureText + ' '.repeat(MAX_FILE_CHARS);
    const single = parseBackupText(padded, getRubric);
    expect(single.ok && single.entries[0]).toMatchObject({
      ok: false,
      error: { issues: [{ key: '(file)', code: 'too-large' }] },
    });
    // a backup entry whose content alone is over the single-file limit
    const big = fixture();
    big['x-blob'] = 'x'.repeat(MAX_FILE_CHARS);
    const r = parseBackupText(JSON.stringify(makeBackup([fixture(), big], new Date())), getRubric);
    expect(
      r.ok && r.entries.map((e) => (e.ok ? 'ok' : e.error.issues[0]!.key + ' ' + e.error.issues[0]!.code)),
    ).toEqual(['ok', 'assessments.1 too-large']);
  });

  it('never throws when validating an entry fails unexpectedly, and rejects only that entry', async () => {
    // validateAssessment throws on this input (String() of an object without a callable toString:
    // see test/domain/fuzz.test.ts); the backup reader turns it into a rejection of that entry.
    const hostile = fixture();
    hostile.profile.industry = { toString: 1 };
    const text = JSON.stringify(makeBackup([fixture(), hostile], new Date()));
    const report = await importBackup(store, text, getRubric);
    expect(report.imported.map((i) => i.index)).toEqual([0]);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.index).toBe(1);
    expect(report.rejected[0]!.issues[0]!.key).toMatch(/^assessments\.1/);
  });

  it('writes all or nothing: a failing write leaves the database unchanged', async () => {
    await seedThree();
    const before = await db.assessments.count();
    const boom = fixture();
    boom.profile.name = 'boom';
    db.assessments.hook('creating', (_key, obj) => {
      if (obj.file.profile?.name === 'boom') throw new Error('disk full');
    });
    const text = JSON.stringify(makeBackup([fixture(), boom, { ...fixture(), answers: {} }], new Date()));
    const report = await importBackup(store, text, getRubric);
    expect(report.imported).toEqual([]);
    expect(report.fatal).toEqual([expect.objectContaining({ key: '(database)', code: 'write-failed' })]);
    expect(describeImportIssue(report.fatal![0]!)).toContain('nothing was imported');
    expect(await db.assessments.count()).toBe(before);
  });
});
