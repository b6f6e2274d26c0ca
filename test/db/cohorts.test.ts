/**
 * The cohort import and store (issue "Many files"): each file costs only its own entry, duplicates are
 * counted once, non-JSON files skipped, a backup contributes each assessment, and a finished import is
 * written in one transaction into the cohort's own database (never the user's).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CohortDB, CohortStore } from '../../src/db/cohorts';
import { combine, contentKey, scoreEach, scoreFiles, type InputFile } from '../../src/state/cohort/score-files';
import { workerCount } from '../../src/state/cohort/run-import';
import { sha256Sync } from '../../src/state/cohort/sha256';
import { inputsOf, packFiles } from '../../src/state/cohort/read-files';
import { BACKUP_FORMAT, csvHeader, csvRow, detailCsv, scoreAssessmentText } from '../../src/domain/index';

const fixtureText = readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8');
const checklistText = readFileSync(join(import.meta.dirname, '../fixtures/chenxing-level2.json'), 'utf8');
const encoder = new TextEncoder();
const input = (source: string, text: string): InputFile => {
  const bytes = encoder.encode(text);
  return { source, size: bytes.length, bytes: async () => bytes };
};
const named = (name: string, year: number) => {
  const d = JSON.parse(fixtureText);
  d.profile = { ...d.profile, name, year };
  return JSON.stringify(d);
};

let n = 0;
let store: CohortStore;
beforeEach(async () => {
  const db = new CohortDB(`test-cohort-${n++}`);
  await db.open();
  let id = 0;
  store = new CohortStore(
    db,
    () => 1_700_000_000_000,
    () => `c${id++}`,
  );
});

describe('scoreFiles', () => {
  it('scores, lists invalid files with the CLI error, counts duplicates once and skips non-JSON files', async () => {
    const backup = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-05-01T08:00:00.000Z',
      assessments: [JSON.parse(named('乙', 2026)), { format: 'nope' }],
    });
    const progress: number[] = [];
    const out = await scoreFiles(
      [
        input('d/a.json', named('甲', 2026)),
        input('d/copy.json', named('甲', 2026)),
        input('d/bad.json', '{"format": '),
        input('d/bad-copy.json', '{"format": '),
        input('d/notes.txt', 'hello'),
        input('d/list.json', checklistText),
        input('d/backup.json', backup),
      ],
      (done) => progress.push(done),
    );
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(out!.members.map((m) => m.source)).toEqual(['d/a.json', 'd/list.json', 'd/backup.json#1']);
    expect(out!.duplicates).toEqual([
      { source: 'd/copy.json', hash: await contentKey(encoder.encode(named('甲', 2026))) },
    ]);
    const bad = await scoreAssessmentText('{"format": ');
    expect(out!.invalid.map((i) => [i.source, i.error])).toEqual([
      ['d/bad.json', bad.ok ? '' : bad.error],
      // an invalid file is never a duplicate: each keeps its own line, as in the CLI's output
      ['d/bad-copy.json', bad.ok ? '' : bad.error],
      ['d/backup.json#2', expect.stringMatching(/^format: /)],
    ]);
    expect(out!.skipped).toBe(1);
    expect(out!.members[0]!.scored.result).toMatchObject({ rubric: 'cn-sme-2024', level: 3, score: 60 });
  });

  it('stops when cancelled and returns nothing', async () => {
    let calls = 0;
    const out = await scoreFiles(
      [input('a.json', fixtureText), input('b.json', fixtureText)],
      undefined,
      () => calls++ > 0,
    );
    expect(out).toBeUndefined();
  });

  it('hashes with SHA-256 (hex)', async () => {
    expect(await contentKey(encoder.encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('its own SHA-256 equals Web Crypto for every length around the block and padding edges', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200, 300]) {
      const slice = bytes.subarray(300 - n); // an offset view, as a File's bytes may be
      const web = new Uint8Array(await crypto.subtle.digest('SHA-256', slice.slice()));
      const hex = Array.from(web, (b) => b.toString(16).padStart(2, '0')).join('');
      expect(sha256Sync(slice), `${n} bytes`).toBe(hex);
    }
  });
});

describe('packFiles, inputsOf', () => {
  it('packs files 200 to a Blob and reads each its own bytes; a skipped or too large file is never packed', async () => {
    const never = { size: 1e12, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const files = [
      ...Array.from({ length: 450 }, (_, i) => ({
        file: new Blob([`{"n":${i}}`.repeat(1 + (i % 7))]),
        source: `f${i}.json`,
      })),
      { file: never, source: 'huge.json' },
      { file: never, source: 'notes.txt' },
      { file: new Blob(['last']), source: 'last.json' },
    ];
    const pack = packFiles(files);
    expect(pack.chunks).toHaveLength(3); // 451 files read, 200 a chunk
    const inputs = inputsOf(pack);
    expect(inputs.map((f) => [f.source, f.size])).toEqual(files.map((f) => [f.source, f.file.size]));
    const decoder = new TextDecoder();
    for (const [i, f] of inputs.entries())
      if (f.source.endsWith('.json') && f.source !== 'huge.json')
        expect(decoder.decode(await f.bytes()), f.source).toBe(await files[i]!.file.text());
  });
});

describe('several workers', () => {
  it('scoring in shares and combining them in order gives the outcome of one worker', async () => {
    const files = [
      input('a.json', named('甲', 2026)),
      input('bad.json', '{'),
      input('b.json', named('乙', 2026)),
      input('copy-of-a.json', named('甲', 2026)), // a duplicate whose original is in the other share
      input('notes.txt', 'x'),
      input('c.json', named('丙', 2025)),
    ];
    const whole = await scoreFiles(files);
    const shares = await Promise.all([scoreEach(files.slice(0, 3)), scoreEach(files.slice(3))]);
    expect(combine(shares.flatMap((s) => s!))).toEqual(whole);
    expect(whole!.duplicates.map((d) => d.source)).toEqual(['copy-of-a.json']);
  });

  it('uses one worker per core, at most 4, and one for a small import', () => {
    expect(workerCount(10_000, 2)).toBe(2);
    expect(workerCount(10_000, 16)).toBe(4);
    expect(workerCount(150, 8)).toBe(1);
    expect(workerCount(200, 8)).toBe(2);
    expect(workerCount(0, 8)).toBe(1);
  });
});

describe('CohortStore', () => {
  it('writes a finished import at once; a file already in the cohort is a duplicate', async () => {
    const c = await store.create('区试点');
    const first = (await scoreFiles([input('a.json', named('甲', 2026)), input('b.json', named('乙', 2026))]))!;
    const written = await store.addImport(c.id, first);
    expect(written.added).toBe(2);
    // what the screen shows without reading the members back: the new members and the cohort as stored
    const bySource = (ms: { source: string }[]) => [...ms].sort((a, b) => a.source.localeCompare(b.source));
    expect(bySource(written.fresh)).toEqual(bySource(await store.members(c.id)));
    expect(written.cohort).toEqual(await store.get(c.id));
    const second = (await scoreFiles([input('again.json', named('甲', 2026)), input('bad.json', '[]')]))!;
    expect((await store.addImport(c.id, second)).added).toBe(0);
    const stored = (await store.get(c.id))!;
    expect(stored.duplicates).toEqual([{ source: 'again.json', hash: first.members[0]!.hash }]);
    expect(stored.invalid.map((i) => i.source)).toEqual(['bad.json']);
    expect((await store.members(c.id)).map((m) => m.source).sort()).toEqual(['a.json', 'b.json']);
  });

  it('deletes a cohort with its members, leaving other cohorts alone', async () => {
    const a = await store.create('A');
    const b = await store.create('B');
    const out = (await scoreFiles([input('a.json', fixtureText)]))!;
    await store.addImport(a.id, out);
    await store.addImport(b.id, out);
    await store.remove(a.id);
    expect(await store.get(a.id)).toBeUndefined();
    expect(await store.members(a.id)).toEqual([]);
    expect(await store.members(b.id)).toHaveLength(1);
  });

  it('writes nothing when the cohort is gone (the transaction fails whole)', async () => {
    const out = (await scoreFiles([input('a.json', fixtureText)]))!;
    await expect(store.addImport('missing', out)).rejects.toThrow(/not found/);
    expect(await store.db.members.count()).toBe(0);
  });
});

describe('detailCsv', () => {
  it('is the CLI CSV for the same files: one row per file (duplicates included) in code-point order', async () => {
    const out = (await scoreFiles([
      input('z.json', named('甲', 2026)),
      input('é.json', named('甲', 2026)),
      input('a.json', '{'),
    ]))!;
    const ids = ['product-design'];
    const csv = detailCsv(out.members, out.invalid, out.duplicates, ids);
    const scored = await scoreAssessmentText(named('甲', 2026));
    const broken = await scoreAssessmentText('{');
    expect(csv).toBe(
      [
        csvHeader(ids),
        csvRow('a.json', broken, ids),
        csvRow('z.json', scored, ids),
        csvRow('é.json', scored, ids),
      ].join('\n') + '\n',
    );
  });
});
