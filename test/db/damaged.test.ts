/**
 * Damaged records (fault: one record with `answers: null` blanked the home list) and failing writes
 * (fault: a full disk made create, duplicate, re-assess and rename throw into the console).
 */
import { describe, expect, it, beforeEach, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB, type StoredAssessment } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { backupOf, exportBackup, importBackup } from '../../src/db/backup';
import { checkRecord, DamagedRecordError } from '../../src/db/records';
import { writeFailure } from '../../src/db/write-error';
import { getAnyRubric, getRubric, parseBackupText } from '../../src/domain/index';

const fixtureText = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');

let n = 0;
let db: DigiLevelDB;
let store: AssessmentStore;
beforeEach(async () => {
  db = new DigiLevelDB(`test-damaged-${n++}`);
  await db.open();
  store = new AssessmentStore(db, 'tab-test');
});

/** The first value a live query emits. */
function firstValue<T>(observable: {
  subscribe(o: { next(v: T): void; error(e: unknown): void }): { unsubscribe(): void };
}) {
  return new Promise<T>((resolve, reject) => {
    const sub = observable.subscribe({
      next: (v) => {
        resolve(v);
        queueMicrotask(() => sub.unsubscribe());
      },
      error: reject,
    });
  });
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A sound record of the national rubric, as the store writes it. */
function record(id: string, file: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    id,
    file: { format: 'sme-digital-assessment', version: 1, rubric: 'cn-sme-2024', answers: {}, scenarios: {}, ...file },
    createdAt: 1_750_000_000_000,
    updatedAt: 1_750_000_000_000,
    revision: 1,
    enterpriseId: `ent-${id}`,
    ...extra,
  };
}

/** Writes straight into IndexedDB, as a bug of an older version or another tool could. */
async function putRaw(...records: unknown[]) {
  await db.assessments.bulkPut(records as StoredAssessment[]);
}

describe('checkRecord', () => {
  it('accepts a sound record and returns its file as validation does', () => {
    const checked = checkRecord(record('a', { answers: { q1: [3, 1] } }));
    expect(checked.status).toBe('ok');
    if (checked.status === 'ok') expect(checked.record.file.answers).toEqual({ q1: [1, 3] });
  });

  it('reads absent scenarios as none, as import does', () => {
    const raw = record('a');
    delete (raw.file as Record<string, unknown>).scenarios;
    const checked = checkRecord(raw);
    expect(checked.status).toBe('ok');
    if (checked.status === 'ok') expect(checked.record.file.scenarios).toEqual({});
  });

  it.each([
    ['answers: null', record('a', { answers: null }), 'answers'],
    ['an unknown rubric', record('a', { rubric: 'no-such-rubric' }), 'rubric'],
    ['no file', record('a', {}, { file: null }), '(file)'],
    ['a scenario that is not four booleans', record('a', { scenarios: { quality: [true] } }), 'scenarios.quality'],
    ['a creation time that is text', record('a', {}, { createdAt: '2026' }), 'record.createdAt'],
    ['no updatedAt', record('a', {}, { updatedAt: undefined }), 'record.updatedAt'],
  ])('calls a record with %s damaged and names the key', (_what, raw, key) => {
    const checked = checkRecord(raw);
    expect(checked.status).toBe('damaged');
    if (checked.status === 'damaged') {
      expect(checked.damaged.id).toBe('a');
      expect(checked.damaged.raw).toBe(raw);
      expect(checked.damaged.issues.map((i) => i.key)).toContain(key);
    }
  });

  it('does not call an old record damaged for date text that export replaces anyway', () => {
    const checked = checkRecord(record('a', { digilevel: { meta: { createdAt: 'Jan 1 2026', updatedAt: '0' } } }));
    expect(checked.status).toBe('ok');
  });

  it('waits for a rubric of ours that is not loaded yet instead of calling the record damaged', () => {
    expect(checkRecord(record('a'), () => undefined)).toEqual({ status: 'pending', rubric: 'cn-sme-2024' });
  });
});

describe('the store with damaged records', () => {
  it('lists every record, damaged ones included, also one without updatedAt', async () => {
    const good = await store.create('cn-sme-2024', { name: '好公司' });
    await putRaw(
      record('null-answers', { answers: null }),
      record('no-time', {}, { updatedAt: undefined }),
      record('other-rubric', { rubric: 'no-such-rubric' }),
    );
    const rows = await firstValue<unknown[]>(store.list());
    const ids = rows.map((r) => (r as { id: string }).id);
    expect(ids).toHaveLength(4);
    expect(ids).toContain(good);
    expect(ids.at(-1)).toBe('no-time'); // no usable time: last
    const statuses = rows.map((r) => checkRecord(r).status);
    expect(statuses.filter((s) => s === 'damaged')).toHaveLength(3);
  });

  it('refuses to duplicate, re-assess or edit a damaged record, writes nothing, and deletes it', async () => {
    await putRaw(record('bad', { answers: null }));
    await expect(store.duplicate('bad')).rejects.toBeInstanceOf(DamagedRecordError);
    await expect(store.reassess('bad')).rejects.toBeInstanceOf(DamagedRecordError);
    await expect(store.update('bad', [{ op: 'answer', id: 'q1', value: 0 }])).rejects.toBeInstanceOf(
      DamagedRecordError,
    );
    expect(writeFailure(await store.duplicate('bad').catch((e: unknown) => e))).toBe('damaged');
    expect(await db.assessments.count()).toBe(1);
    expect((await db.assessments.get('bad'))?.revision).toBe(1);
    await store.remove('bad');
    expect(await db.assessments.count()).toBe(0);
  });

  it('edits a record stored without scenarios (the file as validated gets the patch)', async () => {
    const raw = record('old');
    delete (raw.file as Record<string, unknown>).scenarios;
    await putRaw(raw);
    const saved = await store.update('old', [{ op: 'scenario', id: 'quality', checks: [true, false, false, false] }]);
    expect(saved.file.scenarios).toEqual({ quality: [true, false, false, false] });
  });

  it('leaves damaged records out of a backup and says which', async () => {
    await store.create('cn-sme-2024', { name: '好公司' });
    await putRaw(record('bad', { answers: null }), record('worse', {}, { file: null }));
    const { text, skipped } = await backupOf(store);
    expect(skipped.map((d) => d.id).sort()).toEqual(['bad', 'worse']);
    const parsed = parseBackupText(text, getAnyRubric);
    expect(parsed.ok && parsed.entries.map((e) => e.ok)).toEqual([true]);
    expect(JSON.parse(await exportBackup(store)).assessments).toHaveLength(1);
  });

  it('imports beside a damaged record of the same enterprise', async () => {
    const file = JSON.parse(fixtureText);
    file.digilevel = { meta: { enterpriseId: 'ent-shared' } };
    await putRaw(record('bad', { answers: null }, { enterpriseId: 'ent-shared' }));
    const report = await importBackup(store, JSON.stringify(file), getRubric);
    expect(report.fatal).toBeUndefined();
    expect(report.imported).toHaveLength(1);
    expect(await db.assessments.count()).toBe(2);
  });
});

describe('writes on a full disk', () => {
  it('says the disk is full when adding fails, and writes nothing', async () => {
    const id = await store.create('cn-sme-2024');
    vi.spyOn(db.assessments, 'add').mockRejectedValue(quota());
    for (const write of [() => store.create('cn-sme-2024'), () => store.duplicate(id), () => store.reassess(id)]) {
      const error = await write().catch((e: unknown) => e);
      expect(writeFailure(error)).toBe('quota');
    }
    expect(await db.assessments.count()).toBe(1);
  });

  it('says the disk is full when an edit inside a transaction fails', async () => {
    const id = await store.create('cn-sme-2024');
    vi.spyOn(db.assessments, 'put').mockRejectedValue(quota());
    const error = await store.update(id, [{ op: 'meta', key: 'label', value: 'x' }]).catch((e: unknown) => e);
    expect(writeFailure(error)).toBe('quota');
    expect((await db.assessments.get(id))?.revision).toBe(1);
  });

  it('reports an import that the disk refuses with the reason, and imports nothing', async () => {
    vi.spyOn(db.assessments, 'bulkAdd').mockRejectedValue(quota());
    const report = await importBackup(store, fixtureText, getRubric);
    expect(report.fatal).toEqual([expect.objectContaining({ code: 'write-failed', reason: 'quota' })]);
    expect(await db.assessments.count()).toBe(0);
  });

  it('tells other causes apart: a record deleted meanwhile, anything else', async () => {
    expect(writeFailure(await store.duplicate('gone').catch((e: unknown) => e))).toBe('missing');
    expect(writeFailure(new Error('boom'))).toBe('other');
    // Dexie wraps the browser's error when a transaction aborts
    expect(writeFailure(Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota() }))).toBe('quota');
  });
});
