/**
 * Keys of a file that the spec does not name (issue 14, 4): kept in the typed `unknownKeys` fields of the file
 * and of its profile, spread back by export; records stored at the top level by schema version 2 and before
 * are moved there by the version 3 upgrade.
 */
import { describe, expect, it } from 'vitest';
import { DigiLevelDB, type StoredAssessment } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { checkRecord } from '../../src/db/records';
import { importBackup } from '../../src/db/backup';
import { getRubric, parseAssessmentText } from '../../src/domain/index';
import { writeOldDatabase } from './old-database';

let n = 0;

/** A file as the spec allows it: unknown keys at the top level (one of them named like our field) and in the profile. */
const imported = () => ({
  format: 'sme-digital-assessment',
  version: 1,
  rubric: 'cn-sme-2024',
  profile: { name: '甲厂', 'x-crm-id': 'C-17' },
  answers: { q2: 3, q4: [1, 3] },
  scenarios: { quality: [true, false, false, false] },
  'x-other-tool': { kept: true },
  unknownKeys: 'a key of the file itself',
});

describe('unknown keys of a file', () => {
  it('are kept in their typed fields on import and spread back where they were on export', async () => {
    const db = new DigiLevelDB(`test-unknown-keys-${n++}`);
    const store = new AssessmentStore(db);
    const report = await importBackup(store, JSON.stringify(imported()), getRubric);
    expect(report.imported).toHaveLength(1);
    const stored = (await store.get(report.imported[0]!.id))!;
    expect(stored.file.unknownKeys).toEqual({
      'x-other-tool': { kept: true },
      unknownKeys: 'a key of the file itself',
    });
    expect(stored.file.profile).toEqual({ name: '甲厂', unknownKeys: { 'x-crm-id': 'C-17' } });

    const out = JSON.parse(JSON.stringify(await store.exportFile(stored.id)));
    expect(out['x-other-tool']).toEqual({ kept: true });
    expect(out.unknownKeys).toBe('a key of the file itself');
    expect(out.profile).toEqual({ name: '甲厂', 'x-crm-id': 'C-17' });
    // and the exported file imports back to the same record
    const again = parseAssessmentText(JSON.stringify(out), getRubric);
    expect(again.ok && again.file.unknownKeys).toEqual(stored.file.unknownKeys);
    db.close();
  });

  it('stored at the top level by version 2 move into their fields with the version 3 upgrade', async () => {
    const name = `test-unknown-keys-v2-${n++}`;
    const record = {
      id: 'old-1',
      file: { ...imported(), digilevel: { meta: { enterpriseId: 'ent-1' } } },
      createdAt: 1777593600000,
      updatedAt: 1777593600000,
      revision: 4,
      enterpriseId: 'ent-1',
    };
    await writeOldDatabase(name, 2, [record]);
    const db = new DigiLevelDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);

    const raw = (await db.assessments.get('old-1'))!;
    expect(Object.keys(raw.file).sort()).toEqual(
      ['answers', 'digilevel', 'format', 'profile', 'rubric', 'scenarios', 'unknownKeys', 'version'].sort(),
    );
    expect(raw.file.unknownKeys).toEqual({ 'x-other-tool': { kept: true }, unknownKeys: 'a key of the file itself' });
    expect(raw.file.profile).toEqual({ name: '甲厂', unknownKeys: { 'x-crm-id': 'C-17' } });
    expect(raw).toMatchObject({ revision: 4, enterpriseId: 'ent-1', createdAt: record.createdAt });
    expect(raw.file.answers).toEqual(record.file.answers);

    // usable as it was, and exported as it was imported
    const checked = checkRecord(raw);
    expect(checked.status).toBe('ok');
    const out = toExport((checked as { record: StoredAssessment }).record);
    expect(out['x-other-tool']).toEqual({ kept: true });
    expect(out.unknownKeys).toBe('a key of the file itself');
    expect(out.profile).toEqual({ name: '甲厂', 'x-crm-id': 'C-17' });
    db.close();
  });

  it('make a record damaged when its field is not an object of keys the spec does not name', () => {
    const base = { id: 'r', createdAt: 1, updatedAt: 1, revision: 1, enterpriseId: 'e' };
    const file = { format: 'sme-digital-assessment', version: 1, rubric: 'cn-sme-2024', answers: {}, scenarios: {} };
    for (const [bad, key] of [
      [{ ...file, unknownKeys: 5 }, 'unknownKeys'],
      [{ ...file, unknownKeys: { answers: {} } }, 'unknownKeys'],
      [{ ...file, profile: { unknownKeys: [] } }, 'profile.unknownKeys'],
    ] as const) {
      const checked = checkRecord({ ...base, file: bad });
      expect(checked.status).toBe('damaged');
      if (checked.status === 'damaged') expect(checked.damaged.issues[0]?.key).toBe(key);
    }
  });
});
