import { describe, expect, it, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { exportBackup, importBackup } from '../../src/db/backup';
import {
  assessmentYear,
  chronological,
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

/** A clock that never moves (every record made in the same millisecond) and ids in a known order. */
const frozenClock = (ms: number, prefix = 'id') => {
  let i = 0;
  return { now: () => ms, newId: () => `${prefix}-${String(++i).padStart(3, '0')}` };
};
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
    // same enterprise, linked by the source's id (a record made here: its record id), its own label
    expect(next.enterpriseId).toBe(source.enterpriseId);
    expect(ext.meta).toEqual({ label: '2027 年度复评', enterpriseId: source.enterpriseId, previousId: id });
    expect(findPrevious(f, [source])?.id).toBe(id);
    // the source is unchanged
    expect((await store.get(id))!.file).toEqual(s);
  });

  it('chains re-assessments made in the same millisecond by id, in order', async () => {
    // one clock reading for every record: creation times cannot tell them apart, the ids must
    const store = new AssessmentStore(db, 'tab', frozenClock(Date.parse('2026-05-01T02:00:00.000Z')));
    const first = await store.create('cn-sme-2024', { year: 2026 });
    const second = await store.reassess(first);
    const third = await store.reassess(second);
    const all = await db.assessments.toArray();
    expect(new Set(all.map((a) => a.createdAt)).size).toBe(1);
    expect([first, second, third]).toEqual(['id-002', 'id-003', 'id-004']); // id-001: the enterprise
    const rec = (id: string) => all.find((a) => a.id === id)!;
    expect(findPrevious(rec(third).file, all)?.id).toBe(second);
    expect(findPrevious(rec(second).file, all)?.id).toBe(first);
    expect(findPrevious(rec(first).file, all)).toBeUndefined();
    expect(chronological([rec(third), rec(first), rec(second)]).map((a) => a.id)).toEqual([first, second, third]);
    expect(all.map((a) => a.file.profile?.year).sort()).toEqual([2026, 2027, 2028]);
    expect(new Set(all.map((a) => a.enterpriseId))).toEqual(new Set(['id-001']));
  });

  it('takes the year from the creation date in China Standard Time, as the trend does', async () => {
    // 00:30 on 1 January 2027 in Beijing is still 2026 in UTC (and in local time on a machine west of it)
    const createdAt = Date.parse('2026-12-31T16:30:00.000Z');
    const store = new AssessmentStore(db, 'tab', frozenClock(createdAt));
    const id = await store.create('cn-sme-2024', {});
    const source = (await store.get(id))!;
    expect(assessmentYear(source)).toEqual({ year: 2027, fromDate: true });
    const next = (await store.get(await store.reassess(id)))!;
    expect(next.file.profile?.year).toBe(2028);
    expect(next.file[EXTENSION_KEY]?.meta?.label).toBeUndefined();
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
    expect(exported.digilevel?.meta?.previousId).toBe(toExport((await store.get(first))!).digilevel?.meta?.id);
    expect(exported.digilevel?.meta?.previousCreatedAt).toBeUndefined();

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

  it('links files imported together in the same millisecond by id, and orders them by the link', async () => {
    const file = (id: string, extra: Record<string, string> = {}) => {
      const f = fixture();
      f.profile = { ...f.profile, year: 2026 };
      f[EXTENSION_KEY] = { meta: { id, enterpriseId: 'ent-1', ...extra } };
      return f;
    };
    // no createdAt: all three get the import's one clock reading; the re-assessment comes first in the file,
    // so it also gets the smaller record id
    const backup = JSON.stringify({
      format: 'sme-digital-assessment-backup',
      version: 1,
      assessments: [file('later', { previousId: 'earlier', label: 'b' }), file('earlier'), file('other')],
    });
    const store = new AssessmentStore(db, 'tab', frozenClock(Date.parse('2026-05-01T00:00:00.000Z'), 'rec'));
    const report = await importBackup(store, backup, getRubric);
    expect(report.rejected).toEqual([]);
    const all = await db.assessments.toArray();
    const byFileId = (id: string) => all.find((a) => a.file[EXTENSION_KEY]?.meta?.id === id)!;
    expect(findPrevious(byFileId('later').file, all)?.id).toBe(byFileId('earlier').id);
    const order = chronological(all).map((a) => a.file[EXTENSION_KEY]?.meta?.id);
    expect(order.indexOf('earlier')).toBeLessThan(order.indexOf('later'));
    // exported again, each keeps its id; a copy is another assessment with an id of its own
    expect(toExport(byFileId('later')).digilevel?.meta).toMatchObject({ id: 'later', previousId: 'earlier' });
    const copy = (await store.get(await store.duplicate(byFileId('earlier').id)))!;
    expect(toExport(copy).digilevel?.meta?.id).toBe(copy.id);
    const next = (await store.get(await store.reassess(byFileId('earlier').id)))!;
    expect(next.file[EXTENSION_KEY]?.meta?.previousId).toBe('earlier');
    expect(next.file[EXTENSION_KEY]?.meta?.id).toBeUndefined();
  });

  it('still follows the previousCreatedAt links of earlier versions, and re-assessing one writes an id link', async () => {
    const store = new AssessmentStore(db);
    const earlier = fixture();
    earlier.profile = { ...earlier.profile, year: 2025 };
    earlier[EXTENSION_KEY] = { meta: { enterpriseId: 'ent-1', createdAt: '2025-03-01T08:00:00.000+08:00' } };
    const later = fixture();
    later.profile = { ...later.profile, year: 2026 };
    later[EXTENSION_KEY] = {
      meta: { enterpriseId: 'ent-1', createdAt: '2026-03-01T00:00:00.000Z', previousCreatedAt: '2025-03-01T00:00:00Z' },
    };
    const report = await importBackup(
      store,
      JSON.stringify({ format: 'sme-digital-assessment-backup', version: 1, assessments: [later, earlier] }),
      getRubric,
    );
    expect(report.imported).toHaveLength(2);
    const all = await db.assessments.toArray();
    const old = all.find((a) => a.file.profile?.year === 2025)!;
    const reassessed = all.find((a) => a.file.profile?.year === 2026)!;
    expect(findPrevious(reassessed.file, all)?.id).toBe(old.id);
    const next = (await store.get(await store.reassess(reassessed.id)))!;
    expect(next.file[EXTENSION_KEY]?.meta?.previousId).toBe(reassessed.id);
    expect(next.file[EXTENSION_KEY]?.meta?.previousCreatedAt).toBeUndefined();
  });
});
