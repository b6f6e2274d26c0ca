/**
 * A database written by schema version 1 (test/fixtures/db-v1.json, laid down with the raw IndexedDB
 * API exactly as Dexie's version(1) creates it) must open with the current DigiLevelDB with nothing lost.
 * The checks go through the public surface (toExport, AssessmentStore), not the record layout, so when a
 * later schema version is declared this same test exercises the upgrade from 1 to it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DigiLevelDB, type StoredAssessment } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { exportBackup, importBackup } from '../../src/db/backup';
import { AttachmentStore, sha256Hex } from '../../src/db/attachments';
import { EXTENSION_KEY, getRubric, parseAssessmentText, validateAssessment } from '../../src/domain/index';
import { writeOldDatabase } from './old-database';

const fixture: StoredAssessment[] = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/db-v1.json'), 'utf8'),
);

let n = 0;

async function openV1(): Promise<DigiLevelDB> {
  const name = `test-upgrade-${n++}`;
  await writeOldDatabase(name, 1, fixture);
  const db = new DigiLevelDB(name);
  await db.open();
  return db;
}

describe('upgrade from schema version 1', () => {
  it('the fixture is a valid version 1 database', () => {
    expect(fixture.length).toBeGreaterThanOrEqual(3);
    for (const r of fixture) {
      expect(
        Object.keys(r).every((k) =>
          ['id', 'file', 'createdAt', 'updatedAt', 'revision', 'enterpriseId', 'lastPath', 'writer'].includes(k),
        ),
      ).toBe(true);
      expect(validateAssessment(structuredClone(r.file), getRubric).ok).toBe(true);
    }
  });

  it('opens with the current schema and keeps every answer, scenario, note, number and evidence', async () => {
    const db = await openV1();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(db.tables.map((t) => t.name)).toContain('assessments');
    expect(await db.assessments.count()).toBe(fixture.length);
    for (const r of fixture) {
      const stored = await db.assessments.get(r.id);
      expect(stored, r.id).toBeDefined();
      const out = toExport(stored!);
      expect(out.rubric).toBe(r.file.rubric);
      expect(out.profile).toEqual(r.file.profile);
      expect(out.answers).toEqual(r.file.answers);
      expect(out.scenarios).toEqual(r.file.scenarios);
      const [before, after] = [r.file[EXTENSION_KEY] ?? {}, out[EXTENSION_KEY] ?? {}];
      expect(after.notes).toEqual(before.notes);
      expect(after.evidence).toEqual(before.evidence);
      expect(after.numbers).toEqual(before.numbers);
      expect(after.energy).toEqual(before.energy);
      expect(after.overrides).toEqual(before.overrides);
      expect(after.roadmap).toEqual(before.roadmap);
      expect(after.meta).toEqual({
        ...before.meta,
        enterpriseId: r.enterpriseId,
        // the id re-assessments link to: a record made here is known by its record id
        id: r.id,
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      });
      // unknown top-level keys survive too
      for (const [k, v] of Object.entries(r.file)) if (k !== EXTENSION_KEY) expect(out[k], k).toEqual(v);
      expect(stored).toMatchObject({ revision: r.revision, enterpriseId: r.enterpriseId });
      if (r.lastPath) expect(stored!.lastPath).toBe(r.lastPath);
      // what the app exports still validates
      expect(parseAssessmentText(JSON.stringify(out), getRubric).ok).toBe(true);
    }
    db.close();
  });

  it('keeps the indexes the app queries by', async () => {
    const db = await openV1();
    const newestFirst = await db.assessments.orderBy('updatedAt').reverse().primaryKeys();
    expect(newestFirst).toEqual([...fixture].sort((a, b) => b.updatedAt - a.updatedAt).map((r) => r.id));
    const ent = fixture[0]!.enterpriseId;
    expect((await db.assessments.where('enterpriseId').equals(ent).primaryKeys()).sort()).toEqual(
      fixture
        .filter((r) => r.enterpriseId === ent)
        .map((r) => r.id)
        .sort(),
    );
    db.close();
  });

  it('still edits, creates and backs up with AssessmentStore after the upgrade', async () => {
    const db = await openV1();
    const store = new AssessmentStore(db, 'after-upgrade');
    const r = fixture[0]!;
    const saved = await store.update(r.id, [
      { op: 'answer', id: 'q2', value: 4 },
      { op: 'note', id: 'q5', text: '升级后新增' },
    ]);
    expect(saved.revision).toBe(r.revision + 1);
    const after = (await store.get(r.id))!;
    expect(after.file.answers).toEqual({ ...r.file.answers, q2: 4 });
    expect(after.file[EXTENSION_KEY]?.notes).toEqual({ ...r.file[EXTENSION_KEY]?.notes, q5: '升级后新增' });
    expect(after.file[EXTENSION_KEY]?.evidence).toEqual(r.file[EXTENSION_KEY]?.evidence);
    expect(after.createdAt).toBe(r.createdAt);
    expect(after.writer).toBe('after-upgrade');

    const created = await store.create('cn-sme-2024', { name: '新企业' });
    expect(await db.assessments.count()).toBe(fixture.length + 1);
    expect((await store.get(created))!.revision).toBe(1);

    // a backup of the upgraded database restores into a fresh one
    const text = await exportBackup(store);
    const fresh = new DigiLevelDB(`test-upgrade-fresh-${n++}`);
    const report = await importBackup(new AssessmentStore(fresh), text, getRubric);
    expect([report.imported.length, report.rejected.length, report.fatal]).toEqual([fixture.length + 1, 0, undefined]);
    fresh.close();
    db.close();
  });

  it('gains the attachments table (version 2) and attaches to an upgraded record', async () => {
    const db = await openV1();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.attachments.count()).toBe(0);
    const r = fixture[0]!;
    const att = new AttachmentStore(db, 'after-upgrade', {
      now: () => r.updatedAt + 1,
      hash: sha256Hex,
    });
    const ref = await att.attach(r.id, 'q4', { name: 'a.pdf', type: 'application/pdf', bytes: new Uint8Array([1, 2]) });
    const after = (await db.assessments.get(r.id))!;
    expect(after.file[EXTENSION_KEY]?.attachments).toEqual({ q4: [ref] });
    expect(after.file.answers).toEqual(r.file.answers);
    expect(after.revision).toBe(r.revision + 1);
    db.close();
  });
});
