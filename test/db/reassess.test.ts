import { describe, expect, it, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { exportBackup, importBackup } from '../../src/db/backup';
import {
  findPrevious,
  getRubric,
  parseAssessmentText,
  validateAssessment,
  EXTENSION_KEY,
  type AssessmentFile,
} from '../../src/domain/index';

const fixture = (): AssessmentFile =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));

let n = 0;
let db: DigiLevelDB;
beforeEach(async () => {
  db = new DigiLevelDB(`test-reassess-${n++}`);
  await db.open();
});

/** An assessment with something in every part of the extension. */
async function richSource(store: AssessmentStore): Promise<string> {
  const id = await store.insert(fixture());
  await store.update(id, [
    { op: 'number', question: 'q2', field: 'equipment-total', value: 100 },
    { op: 'energy', year: 'lastYear', id: 'anthracite', value: 12.5 },
    { op: 'override', question: 'q2', on: true },
    { op: 'note', id: 'q1', text: '机房照片' },
    { op: 'evidence', id: 'quality', items: ['QMS 截图'] },
    { op: 'roadmap', id: 'some-step', state: { status: 'done', quarter: '2026-Q3', note: '已上线' } },
    { op: 'roadmap', id: 'other-step', state: { status: 'not-relevant' } },
    { op: 'result', id: 'revenue-growth', value: 12 },
    { op: 'meta', key: 'label', value: '2026 年度自评' },
  ]);
  return id;
}

describe('AssessmentStore.reassess', () => {
  it('copies answers, scenarios, notes, evidence, numbers and roadmap status into next year’s assessment', async () => {
    const store = new AssessmentStore(db);
    const id = await richSource(store);
    const source = (await store.get(id))!;
    const nextId = await store.reassess(id, '2027 年度复评');
    expect(nextId).not.toBe(id);
    const next = (await store.get(nextId))!;
    const s = source.file;
    const f = next.file;

    expect(f.answers).toEqual(s.answers);
    expect(f.scenarios).toEqual(s.scenarios);
    expect(f.rubric).toBe(s.rubric);
    expect(f.profile).toEqual({ ...s.profile, year: 2027 });
    const ext = f[EXTENSION_KEY]!;
    const sext = s[EXTENSION_KEY]!;
    for (const key of ['numbers', 'energy', 'overrides', 'notes', 'evidence', 'roadmap'] as const)
      expect(ext[key], key).toEqual(sext[key]);
    // effect indicators belong to their year
    expect(sext.results).toEqual({ 'revenue-growth': 12 });
    expect(ext.results).toBeUndefined();
    // same enterprise, linked by the source's creation time, its own label
    expect(next.enterpriseId).toBe(source.enterpriseId);
    expect(ext.meta).toEqual({
      label: '2027 年度复评',
      enterpriseId: source.enterpriseId,
      previousCreatedAt: new Date(source.createdAt).toISOString(),
    });
    expect(findPrevious(f, [source])?.id).toBe(id);
    // the source is unchanged
    expect((await store.get(id))!.file).toEqual(s);
  });

  it('takes the year from the creation date when the profile has none, and chains re-assessments', async () => {
    const store = new AssessmentStore(db);
    const id = await store.create('cn-sme-2024', {});
    const source = (await store.get(id))!;
    const second = await store.reassess(id);
    const secondRec = (await store.get(second))!;
    expect(secondRec.file.profile?.year).toBe(new Date(source.createdAt).getFullYear() + 1);
    expect(secondRec.file[EXTENSION_KEY]?.meta?.label).toBeUndefined();
    await new Promise((r) => setTimeout(r, 2)); // distinct creation times
    const third = await store.reassess(second);
    const thirdRec = (await store.get(third))!;
    expect(thirdRec.file.profile?.year).toBe(new Date(source.createdAt).getFullYear() + 2);
    const all = await db.assessments.toArray();
    expect(findPrevious(thirdRec.file, all)?.id).toBe(second);
    expect(findPrevious(secondRec.file, all)?.id).toBe(id);
    expect(new Set(all.map((a) => a.enterpriseId)).size).toBe(1);
  });

  it('drops the dates an imported source carries, so the copy gets its own', async () => {
    const store = new AssessmentStore(db);
    const f = fixture();
    f[EXTENSION_KEY] = { meta: { createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-02-01T00:00:00.000Z' } };
    const id = await store.insert(f);
    const next = (await store.get(await store.reassess(id)))!;
    expect(next.file[EXTENSION_KEY]?.meta?.createdAt).toBeUndefined();
    expect(next.file[EXTENSION_KEY]?.meta?.updatedAt).toBeUndefined();
    expect(toExport(next).digilevel?.meta?.createdAt).toBe(new Date(next.createdAt).toISOString());
  });

  it('rejects an unknown id', async () => {
    await expect(new AssessmentStore(db).reassess('nope')).rejects.toThrow('not found');
  });

  it('keeps the enterprise and the link through export and import (local ids do not survive)', async () => {
    const store = new AssessmentStore(db);
    const first = await richSource(store);
    await new Promise((r) => setTimeout(r, 2));
    const second = await store.reassess(first, '2027 年度复评');
    await store.update(second, [
      { op: 'answer', id: 'q8', value: 5 },
      { op: 'result', id: 'revenue-growth', value: 15 },
    ]);
    // the single-file export validates and carries the link
    const exported = await store.exportFile(second);
    const parsed = parseAssessmentText(JSON.stringify(exported), getRubric);
    expect(parsed.ok).toBe(true);
    expect(validateAssessment(exported, getRubric).ok).toBe(true);
    expect(exported.digilevel?.meta?.previousCreatedAt).toBe(
      toExport((await store.get(first))!).digilevel?.meta?.createdAt,
    );

    const backup = await exportBackup(store);
    const fresh = new DigiLevelDB(`test-reassess-fresh-${n++}`);
    await fresh.open();
    const other = new AssessmentStore(fresh);
    const report = await importBackup(other, backup, getRubric);
    expect(report.imported).toHaveLength(2);
    const restored = await fresh.assessments.toArray();
    expect(new Set(restored.map((r) => r.id)).has(first)).toBe(false); // new local ids
    expect(new Set(restored.map((r) => r.enterpriseId))).toEqual(new Set([(await store.get(first))!.enterpriseId]));
    const later = restored.find((r) => r.file.profile?.year === 2027)!;
    const earlier = restored.find((r) => r.file.profile?.year === 2026)!;
    expect(findPrevious(later.file, restored)?.id).toBe(earlier.id);
    expect(later.file[EXTENSION_KEY]?.results).toEqual({ 'revenue-growth': 15 });
    expect(later.file.answers.q8).toBe(5);
    // importing the same backup again adds nothing
    expect((await importBackup(other, backup, getRubric)).duplicates).toHaveLength(2);
  });
});
