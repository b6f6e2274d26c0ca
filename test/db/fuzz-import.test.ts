/**
 * 500 hostile files (test/fuzz.ts) through importBackup into a real (fake-indexeddb) store: the number
 * of stored assessments changes only for files the parser accepts, by at most one, and never for a
 * rejected file; importBackup never throws. Then the same texts as the entries of one backup.
 */
import { describe, expect, it } from 'vitest';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { toExport } from '../../src/db/export-file';
import { importBackup } from '../../src/db/backup';
import { BACKUP_FORMAT } from '../../src/domain/assessment/backup';
import { getRubric, parseAssessmentText, type FileResult } from '../../src/domain/index';
import { fuzzer } from '../fuzz';

const CASES = 500;
const SEED = 777;

/** The parser's verdict; a parser exception (known bugs, see test/domain/fuzz.test.ts) counts as rejected. */
function verdict(text: string): FileResult | 'threw' {
  try {
    return parseAssessmentText(text, getRubric);
  } catch {
    return 'threw';
  }
}

describe('import fuzz', () => {
  it(`${CASES} mutated files one by one: the database changes only for accepted files`, async () => {
    const db = new DigiLevelDB('test-fuzz-import');
    const store = new AssessmentStore(db);
    const next = fuzzer(SEED);
    const failures: string[] = [];
    const tally = { imported: 0, duplicates: 0, rejected: 0, fatal: 0, parserThrew: 0 };
    for (let i = 0; i < CASES; i++) {
      const { label, text } = next(i);
      const expected = verdict(text);
      const before = await db.assessments.count();
      let report;
      try {
        // keep both where a mutated file repeats a stored enterprise and year: this test is about validation
        report = await importBackup(store, text, getRubric, 'variant');
      } catch (e) {
        failures.push(`${label} → importBackup threw ${e}`);
        continue;
      }
      const after = await db.assessments.count();
      const why = (s: string) => failures.push(`${label.slice(0, 200)} → ${s}`);
      tally.imported += report.imported.length;
      tally.duplicates += report.duplicates.length;
      tally.rejected += report.rejected.length;
      tally.fatal += report.fatal ? 1 : 0;
      if (expected === 'threw') tally.parserThrew++;

      if (expected !== 'threw' && expected.ok) {
        if (report.fatal || report.rejected.length) why('accepted file not imported');
        if (report.imported.length + report.duplicates.length !== 1) why('not exactly one entry');
        if (after - before !== report.imported.length) why(`count ${before} → ${after}`);
        for (const { id } of report.imported) {
          const stored = (await store.get(id))!;
          const exported = toExport(stored);
          if (JSON.stringify(exported.answers) !== JSON.stringify(expected.file.answers)) why('answers changed');
          if (JSON.stringify(exported.scenarios) !== JSON.stringify(expected.file.scenarios)) why('scenarios changed');
          const again = verdict(JSON.stringify(exported));
          if (again === 'threw' || !again.ok) why('stored assessment exports an invalid file');
        }
      } else {
        if (after !== before) why(`rejected file changed the count ${before} → ${after}`);
        if (report.imported.length || report.duplicates.length) why('rejected file reported as imported');
        if (!report.fatal?.length && !report.rejected.length) why('rejected without a reason');
        for (const issue of [...(report.fatal ?? []), ...report.rejected.flatMap((r) => r.issues)])
          if (!issue.key) why('issue without key');
      }
      if (({} as Record<string, unknown>).polluted !== undefined) why('Object.prototype polluted');
    }
    console.info(`fuzz-import: ${JSON.stringify(tally)}; stored ${await db.assessments.count()}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(tally.imported).toBeGreaterThan(CASES / 20);
    expect(tally.rejected + tally.fatal).toBeGreaterThan(CASES / 2);
    expect(await db.assessments.count()).toBe(tally.imported);
    db.close();
  }, 60_000);

  it('the same files as the entries of one backup: accepted ones imported, the rest rejected by index', async () => {
    const db = new DigiLevelDB('test-fuzz-import-backup');
    const store = new AssessmentStore(db);
    const next = fuzzer(SEED);
    const entries: string[] = [];
    const accepted = new Set<number>();
    for (let i = 0; entries.length < CASES && i < CASES * 2; i++) {
      const { text } = next(i);
      if (text.length > 1_000_000) continue;
      try {
        JSON.parse(text);
      } catch {
        continue;
      }
      const v = verdict(text);
      if (v !== 'threw' && v.ok) accepted.add(entries.length);
      entries.push(text); // as written: duplicated keys, -0 and 10,000-level nesting stay as they are
    }
    const backup = `{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":"2026-05-01T00:00:00Z","assessments":[${entries.join(',')}]}`;
    const report = await importBackup(store, backup, getRubric);
    expect(report.fatal).toBeUndefined();
    expect(new Set([...report.imported, ...report.duplicates].map((e) => e.index))).toEqual(accepted);
    expect(report.rejected.map((r) => r.index).filter((i) => accepted.has(i))).toEqual([]);
    expect(report.imported.length + report.duplicates.length + report.rejected.length).toBe(entries.length);
    for (const r of report.rejected)
      for (const issue of r.issues) expect(issue.key.startsWith(`assessments.${r.index}`), issue.key).toBe(true);
    expect(await db.assessments.count()).toBe(report.imported.length);
    db.close();
  }, 60_000);
});
