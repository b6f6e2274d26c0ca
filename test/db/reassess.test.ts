import { describe, expect, it, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore, YearTakenError } from '../../src/db/assessments';
import { figuresToUpdate, shiftFigures } from '../../src/domain/assessment/reassess';
import { toExport } from '../../src/db/export-file';
import { exportBackup, importBackup } from '../../src/db/backup';
import {
  assessmentYear,
  chronological,
  findPrevious,
  getRubric,
  parseAssessmentText,
  seriesOf,
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

    // the answers that rest on a year's figures (q12–q15) are cleared: they must be answered again
    const kept = Object.fromEntries(
      Object.entries(s.answers).filter(([q]) => !['q12', 'q13', 'q14', 'q15'].includes(q)),
    );
    expect(f.answers).toEqual(kept);
    expect(f.scenarios).toEqual(s.scenarios);
    expect(f.rubric).toBe(s.rubric);
    expect(f.profile).toEqual({ ...s.profile, year: 2027 });
    const ext = f[EXTENSION_KEY]!;
    const sext = s[EXTENSION_KEY]!;
    for (const key of ['numbers', 'overrides', 'notes', 'evidence', 'roadmap'] as const)
      expect(ext[key], key).toEqual(sext[key]);
    // last year's energy is the year before's now
    expect(ext.energy).toEqual({ yearBefore: sext.energy!.lastYear });
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

/** A 2026 assessment with every year figure of q12–q15 typed and their answers chosen. */
async function withFigures(store: AssessmentStore): Promise<string> {
  const id = await store.insert(fixture());
  await store.update(id, [
    { op: 'number', question: 'q14', field: 'revenue-last-year', value: 1200 },
    { op: 'number', question: 'q14', field: 'revenue-year-before', value: 1000 },
    { op: 'number', question: 'q14', field: 'employees-last-year', value: 60 },
    { op: 'number', question: 'q14', field: 'employees-year-before', value: 55 },
    { op: 'number', question: 'q15', field: 'cost-last-year', value: 800 },
    { op: 'number', question: 'q15', field: 'cost-year-before', value: 700 },
    { op: 'number', question: 'q13', field: 'pass-rate-after', value: 98.5 },
    { op: 'number', question: 'q13', field: 'pass-rate-before', value: 97 },
    { op: 'number', question: 'q12', field: 'energy-last-year', value: 30 },
    { op: 'number', question: 'q12', field: 'energy-year-before', value: 33 },
    { op: 'number', question: 'q11', field: 'investment-per-year', value: 50 },
    { op: 'energy', year: 'lastYear', id: 'anthracite', value: 40 },
    { op: 'energy', year: 'yearBefore', id: 'anthracite', value: 45 },
    { op: 'override', question: 'q15', on: true },
    { op: 'override', question: 'q2', on: true },
  ]);
  return id;
}

describe('re-assessment shifts the year figures (issue 15, fault 6)', () => {
  it('makes last year’s figures the year before’s, leaves last year blank and clears the answers resting on them', async () => {
    const store = new AssessmentStore(db);
    const id = await withFigures(store);
    const source = (await store.get(id))!;
    const next = (await store.get(await store.reassess(id)))!;
    const ext = next.file[EXTENSION_KEY]!;
    expect(ext.numbers).toEqual({
      ...source.file[EXTENSION_KEY]!.numbers,
      q12: { 'energy-year-before': 30 },
      q13: { 'pass-rate-before': 98.5 },
      q14: { 'revenue-year-before': 1200, 'employees-year-before': 60 },
      q15: { 'cost-year-before': 800 },
    });
    // q11 (a three-year average, no year pair) is kept as typed
    expect(ext.numbers?.q11).toEqual({ 'investment-per-year': 50 });
    expect(ext.energy).toEqual({ yearBefore: { anthracite: 40 } });
    for (const q of ['q12', 'q13', 'q14', 'q15']) expect(next.file.answers[q], q).toBeUndefined();
    expect(next.file.answers.q2).toBe(source.file.answers.q2);
    expect(ext.overrides).toEqual(['q2']);
    // the re-assessment opens on these
    expect(figuresToUpdate(next.file, getRubric('cn-sme-2024')!)).toEqual(['q12', 'q13', 'q14', 'q15']);
    expect(figuresToUpdate(source.file, getRubric('cn-sme-2024')!)).toEqual([]);
    // once answered again, nothing is listed
    await store.update(next.id, [
      { op: 'answer', id: 'q12', value: 2 },
      { op: 'answer', id: 'q13', value: 2 },
    ]);
    expect(figuresToUpdate((await store.get(next.id))!.file, getRubric('cn-sme-2024')!)).toEqual(['q14', 'q15']);
  });

  it('is a pure function: a missing last-year figure leaves the year before blank, not last year’s stale value', () => {
    const f = fixture();
    f[EXTENSION_KEY] = { numbers: { q14: { 'revenue-year-before': 900 } } };
    const before = structuredClone(f);
    const { file, needsUpdate } = shiftFigures(f, getRubric('cn-sme-2024')!);
    expect(f).toEqual(before);
    expect(file[EXTENSION_KEY]?.numbers).toEqual({});
    expect(needsUpdate).toEqual(['q12', 'q13', 'q14', 'q15']);
  });

  it('moves the amounts of the user’s "other energy" rows a year back and keeps the rows', () => {
    const f = fixture();
    f[EXTENSION_KEY] = {
      energy: {
        lastYear: { anthracite: 40 },
        other: [
          { name: '柴油', unit: '吨', coefficient: 1.4571, lastYear: 2, yearBefore: 3 },
          { name: '天然气', unit: '万立方米', coefficient: 12.143, yearBefore: 5 },
        ],
      },
    };
    const { file } = shiftFigures(f, getRubric('cn-sme-2024')!);
    expect(file[EXTENSION_KEY]?.energy).toEqual({
      yearBefore: { anthracite: 40 },
      other: [
        { name: '柴油', unit: '吨', coefficient: 1.4571, yearBefore: 2 },
        // no amount last year: none the year before, not the stale one of two years ago
        { name: '天然气', unit: '万立方米', coefficient: 12.143 },
      ],
    });
  });
});

describe('one assessment per enterprise and year (issue 15, fault 7)', () => {
  it('refuses to re-assess into a year the enterprise already has, naming the assessment to open', async () => {
    const store = new AssessmentStore(db);
    const first = await store.create('cn-sme-2024', { year: 2026 });
    const second = await store.reassess(first);
    const taken = await store.reassess(first).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(YearTakenError);
    expect(taken).toMatchObject({ existingId: second, year: 2027, name: 'YearTakenError' });
    expect(await db.assessments.count()).toBe(2);
    // another enterprise may have its own 2027
    const other = await store.create('cn-sme-2024', { year: 2026 });
    await expect(store.reassess(other)).resolves.toBeTypeOf('string');
  });

  it('counts one assessment per year in the trend and the latest level: never a copy, never the untouched second', async () => {
    const store = new AssessmentStore(db, 'tab', frozenClock(Date.parse('2026-05-01T00:00:00.000Z')));
    const y2026 = await store.create('cn-sme-2024', { year: 2026 });
    const y2027 = await store.reassess(y2026);
    // a copy of 2027, made later: a variant, labelled so
    const copy = await store.duplicate(y2027, '副本');
    expect((await store.get(copy))!.file[EXTENSION_KEY]?.meta?.variantOf).toBe(y2027);
    // a second 2027 stored before the one-per-year rule (same link, made later)
    const legacy = structuredClone((await store.get(y2027))!);
    legacy.id = 'legacy';
    await db.assessments.add(legacy);
    const all = await db.assessments.toArray();
    const { series, variants } = seriesOf(all);
    expect(series.map((a) => a.id)).toEqual([y2026, y2027]);
    expect(variants.map((a) => a.id).sort()).toEqual([copy, 'legacy'].sort());
    // the copy counts once its original is deleted
    await store.remove(y2027);
    await db.assessments.delete('legacy');
    expect(seriesOf(await db.assessments.toArray()).series.map((a) => a.id)).toEqual([y2026, copy]);
  });
});

describe('import of an enterprise and year already stored asks first (issue 15, fault 7)', () => {
  /** The stored 2026 assessment and a file of the same enterprise and year with another answer. */
  async function setUp() {
    const store = new AssessmentStore(db);
    const id = await store.insert(fixture());
    const file = await store.exportFile(id);
    file.answers = { ...file.answers, q8: 5 };
    delete file[EXTENSION_KEY]!.meta!.id;
    delete file[EXTENSION_KEY]!.meta!.createdAt;
    return { store, id, text: JSON.stringify(file) };
  }

  it('writes nothing and names the stored assessment until the user chooses', async () => {
    const { store, id, text } = await setUp();
    const report = await importBackup(store, text, getRubric);
    expect(report.imported).toEqual([]);
    expect(report.sameYear).toEqual([{ index: 0, name: '示例食品有限公司', year: 2026, existingId: id }]);
    expect(await db.assessments.count()).toBe(1);
  });

  it('skip: nothing imported', async () => {
    const { store, text } = await setUp();
    const report = await importBackup(store, text, getRubric, 'skip');
    expect(report.skipped).toHaveLength(1);
    expect(await db.assessments.count()).toBe(1);
  });

  it('keep both: the imported one is a labelled variant, never in the series', async () => {
    const { store, id, text } = await setUp();
    const report = await importBackup(store, text, getRubric, 'variant');
    const added = (await store.get(report.imported[0]!.id))!;
    expect(added.file[EXTENSION_KEY]?.meta?.variantOf).toBe(id);
    const { series, variants } = seriesOf(await db.assessments.toArray());
    expect(series.map((a) => a.id)).toEqual([id]);
    expect(variants.map((a) => a.id)).toEqual([added.id]);
  });

  it('replace: the stored one is replaced by the imported one', async () => {
    const { store, id, text } = await setUp();
    const report = await importBackup(store, text, getRubric, 'replace');
    const all = await db.assessments.toArray();
    expect(all.map((a) => a.id)).toEqual([report.imported[0]!.id]);
    expect(all.some((a) => a.id === id)).toBe(false);
    expect(all[0]!.file.answers.q8).toBe(5);
  });
});
