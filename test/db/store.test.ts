import { describe, expect, it, beforeEach } from 'vitest';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { parseAssessmentText, getRubric, EXTENSION_KEY } from '../../src/domain/index';

let n = 0;
let db: DigiLevelDB;
beforeEach(async () => {
  db = new DigiLevelDB(`test-store-${n++}`);
  await db.open();
});

describe('AssessmentStore', () => {
  it('creates an assessment with an empty answer set and its own enterprise id', async () => {
    const store = new AssessmentStore(db);
    const id = await store.create('cn-sme-2024', { name: '甲公司' });
    const a = (await store.get(id))!;
    expect(a.file).toMatchObject({
      format: 'sme-digital-assessment',
      version: 1,
      rubric: 'cn-sme-2024',
      answers: {},
      scenarios: {},
    });
    expect(a.file.profile?.name).toBe('甲公司');
    expect(a.revision).toBe(1);
    expect(a.enterpriseId).toBe(a.file[EXTENSION_KEY]?.meta?.enterpriseId);
  });

  it('applies patches atomically and bumps the revision', async () => {
    const store = new AssessmentStore(db);
    const id = await store.create('cn-sme-2024');
    const saved = await store.update(id, [
      { op: 'answer', id: 'q1', value: [2, 1] },
      { op: 'scenario', id: 'quality', checks: [true, true, false, false] },
      { op: 'note', id: 'q1', text: '机房照片' },
    ]);
    expect(saved.revision).toBe(2);
    const a = (await store.get(id))!;
    expect(a.file.answers).toEqual({ q1: [1, 2] });
    expect(a.file.scenarios).toEqual({ quality: [true, true, false, false] });
    expect(a.file[EXTENSION_KEY]?.notes).toEqual({ q1: '机房照片' });
  });

  it('merges edits from two tabs instead of overwriting', async () => {
    const tabA = new AssessmentStore(db, 'tab-a');
    const tabB = new AssessmentStore(db, 'tab-b');
    const id = await tabA.create('cn-sme-2024');
    await Promise.all([
      tabA.update(id, [{ op: 'answer', id: 'q2', value: 3 }]),
      tabB.update(id, [{ op: 'answer', id: 'q5', value: 1 }]),
    ]);
    const a = (await tabA.get(id))!;
    expect(a.file.answers).toEqual({ q2: 3, q5: 1 });
    expect(a.revision).toBe(3);
  });

  it('duplicates into a new assessment of the same enterprise and deletes', async () => {
    const store = new AssessmentStore(db);
    const id = await store.create('cn-sme-2024');
    await store.update(id, [{ op: 'answer', id: 'q8', value: 4 }]);
    const copy = await store.duplicate(id, '2027 复评');
    expect(copy).not.toBe(id);
    const [a, b] = [(await store.get(id))!, (await store.get(copy))!];
    expect(b.file.answers).toEqual(a.file.answers);
    expect(b.enterpriseId).toBe(a.enterpriseId);
    expect(b.file[EXTENSION_KEY]?.meta?.label).toBe('2027 复评');
    await store.remove(id);
    expect(await store.get(id)).toBeUndefined();
    expect(await db.assessments.count()).toBe(1);
  });

  it('exports a file that validates and imports back as a new, equal assessment', async () => {
    const store = new AssessmentStore(db);
    const id = await store.create('cn-sme-2024', { industry: 'pharma', year: 2026 });
    await store.update(id, [
      { op: 'answer', id: 'q4', value: [3, 5] },
      { op: 'number', question: 'q2', field: 'equipment-total', value: 80 },
      { op: 'evidence', id: 'production', items: ['MES 截图', '<img src=x onerror=alert(1)>'] },
    ]);
    const exported = JSON.stringify(await store.exportFile(id));
    const parsed = parseAssessmentText(exported, getRubric);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const newId = await store.insert(parsed.file);
    expect(newId).not.toBe(id);
    const [a, b] = [(await store.get(id))!, (await store.get(newId))!];
    expect(JSON.parse(JSON.stringify(toExport(b)))).toMatchObject({ answers: a.file.answers, profile: a.file.profile });
    expect(b.file[EXTENSION_KEY]?.evidence).toEqual(a.file[EXTENSION_KEY]?.evidence);
    expect(b.enterpriseId).toBe(a.enterpriseId);
    expect(await db.assessments.count()).toBe(2);
  });
});
