/**
 * Zips from outside are refused with the reason and nothing written: traversal, absolute paths, control
 * characters, duplicates, bombs (declared vs actual size, ratio, per-entry and total limits), a hash that
 * does not match its bytes, a manifest naming an absent file. And the zip backup imports back
 * byte-identical; the JSON alone keeps the references, their bytes missing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AttachmentStore, sha256Hex } from '../../src/db/attachments';
import { ZipError, listEntries, readZip, DEFAULT_LIMITS, type ZipErrorCode } from '../../src/zip/read';
import { assessmentZip, backupZip, checkZip, importZip, isZip } from '../../src/db/backup-zip';
import { importBackup, exportBackup } from '../../src/db/backup';
import { EXTENSION_KEY, getAnyRubric, MANIFEST_FORMAT } from '../../src/domain/index';

const u8 = (s: string) => strToU8(s);
const stored = (files: Record<string, Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));
const codeOf = (fn: () => unknown): ZipErrorCode | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZipError) return e.code;
    throw e;
  }
  return undefined;
};
/** Replaces every occurrence of one byte string by another of the same length (names in both headers). */
function patchBytes(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = zip.slice();
  const [a, b] = [u8(from), u8(to)];
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((x, j) => out[i + j] === x)) out.set(b, i);
  return out;
}
/** The central directory's uncompressed-size field of the first entry set to `size`. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i < out.length - 4; i++)
    if (v.getUint32(i, true) === 0x02014b50) {
      v.setUint32(i + 24, size, true);
      break;
    }
  return out;
}

describe('readZip refuses hostile archives', () => {
  it.each<[string, Uint8Array, ZipErrorCode]>([
    ['path traversal', stored({ '../evil.txt': u8('x') }), 'traversal'],
    ['traversal inside a path', stored({ 'evidence/../../evil.txt': u8('x') }), 'traversal'],
    ['an absolute path', stored({ '/etc/passwd': u8('x') }), 'absolute-path'],
    ['a drive letter', stored({ 'C:/Windows/x': u8('x') }), 'absolute-path'],
    ['a backslash root', stored({ '\\server\\x': u8('x') }), 'absolute-path'],
    ['a control character', stored({ 'a\u0001b.txt': u8('x') }), 'control-character'],
    [
      'a duplicate entry',
      patchBytes(stored({ 'aaaaa.txt': u8('1'), 'bbbbb.txt': u8('2') }), 'bbbbb', 'aaaaa'),
      'duplicate',
    ],
    ['names equal but for case', stored({ 'a.txt': u8('1'), 'A.TXT': u8('2') }), 'duplicate'],
    ['not a zip', u8('hello, this is no zip at all, not at all'), 'not-zip'],
    ['a bomb (ratio)', zipSync({ 'zeros.bin': [new Uint8Array(30 * 1024 * 1024), { level: 9 }] }), 'ratio'],
    [
      'more bytes than declared',
      declareSize(zipSync({ 'a.bin': [new Uint8Array(500_000), { level: 9 }] }), 1000),
      'size-mismatch',
    ],
    [
      'fewer bytes than declared',
      declareSize(zipSync({ 'a.bin': [new Uint8Array(5000).fill(7), { level: 9 }] }), 6000),
      'size-mismatch',
    ],
    ['a stored entry whose sizes disagree', declareSize(stored({ 'a.bin': u8('abc') }), 2), 'size-mismatch'],
  ])('%s', (_, zip, code) => {
    expect(codeOf(() => readZip(zip))).toBe(code);
  });

  it('declared sizes over the per-entry and total limits, too many entries', () => {
    const zip = stored({ 'a.bin': new Uint8Array(80), 'b.bin': new Uint8Array(80) });
    expect(codeOf(() => listEntries(zip, { ...DEFAULT_LIMITS, entryBytes: 79 }))).toBe('too-large');
    expect(codeOf(() => listEntries(zip, { ...DEFAULT_LIMITS, totalBytes: 100 }))).toBe('total-too-large');
    expect(codeOf(() => listEntries(zip, { ...DEFAULT_LIMITS, entries: 1 }))).toBe('too-many');
    expect(codeOf(() => readZip(zip))).toBeUndefined();
  });

  it('corrupted bytes fail the CRC', () => {
    expect(codeOf(() => readZip(patchBytes(stored({ 'a.txt': u8('hello world') }), 'hello', 'jello')))).toBe('corrupt');
  });
});

let n = 0;
let db: DigiLevelDB;
let store: AssessmentStore;
let att: AttachmentStore;
const deps = { now: () => Date.UTC(2026, 2, 1), hash: sha256Hex, estimate: async () => ({ usage: 0, quota: 1e9 }) };
const png = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
const pdf = u8('%PDF-1.4 not really');

beforeEach(async () => {
  db = new DigiLevelDB(`test-zip-${n++}`);
  await db.open();
  store = new AssessmentStore(db, 'tab');
  att = new AttachmentStore(db, 'tab', deps);
});

async function seeded() {
  const id = await store.create('cn-sme-2024', { name: '甲' });
  await att.attach(id, 'q4', { name: 'a.png', type: 'image/png', bytes: png });
  await att.attach(id, 'quality@1', { name: 'b.pdf', type: 'application/pdf', bytes: pdf });
  return id;
}
const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('zip backups', () => {
  it('a backup zip imports back into an empty database byte-identical', async () => {
    await seeded();
    const zip = await bytesOf((await backupZip(store, att)).blob);
    expect(isZip(zip)).toBe(true);
    const fresh = new DigiLevelDB(`test-zip-${n++}`);
    const [s2, a2] = [new AssessmentStore(fresh, 't2'), new AttachmentStore(fresh, 't2', deps)];
    const report = await importZip(s2, a2, zip, getAnyRubric);
    expect(report.imported.length).toBe(1);
    for (const bytes of [png, pdf]) {
      const got = await a2.get(await sha256Hex(bytes));
      expect(got && [...got.data]).toEqual([...bytes]);
    }
    const rec = (await fresh.assessments.toArray())[0]!;
    expect(Object.keys(rec.file[EXTENSION_KEY]!.attachments!)).toEqual(['q4', 'quality@1']);
  });

  it('the single export zip holds the assessment and its files', async () => {
    const id = await seeded();
    const checked = await checkZip(await bytesOf(await assessmentZip(store, att, id)), sha256Hex);
    expect(checked.manifest.kind).toBe('assessment');
    expect(checked.attachments.size).toBe(2);
  });

  it('the JSON alone imports with its references; their bytes are missing, not an error', async () => {
    await seeded();
    const text = await exportBackup(store);
    const fresh = new DigiLevelDB(`test-zip-${n++}`);
    const report = await importBackup(new AssessmentStore(fresh), text, getAnyRubric);
    expect([report.imported.length, report.fatal]).toEqual([1, undefined]);
    const refs = (await fresh.assessments.toArray())[0]!.file[EXTENSION_KEY]!.attachments!;
    const a2 = new AttachmentStore(fresh, 'x', deps);
    expect((await a2.present(refs.q4!.map((r) => r.hash))).size).toBe(0);
  });

  async function tampered(change: (m: { files: { path: string; sha256: string }[] }) => void) {
    await seeded();
    const files = readZip(await bytesOf((await backupZip(store, att)).blob));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    expect(manifest.format).toBe(MANIFEST_FORMAT);
    change(manifest);
    files.set('manifest.json', u8(JSON.stringify(manifest)));
    return stored(Object.fromEntries(files));
  }

  it.each<[string, (m: { files: { path: string; sha256: string }[] }) => void, ZipErrorCode]>([
    ['a hash that does not match its bytes', (m) => (m.files[1]!.sha256 = '0'.repeat(64)), 'hash-mismatch'],
    [
      'a manifest naming an absent file',
      (m) => m.files.push({ ...m.files[1]!, path: 'attachments/gone' }),
      'missing-file',
    ],
    ['a manifest that is not one', (m) => Object.assign(m, { format: 'other' }), 'manifest'],
  ])('refuses %s and writes nothing', async (_, change, code) => {
    const zip = await tampered(change);
    const fresh = new DigiLevelDB(`test-zip-${n++}`);
    const e = await importZip(
      new AssessmentStore(fresh),
      new AttachmentStore(fresh, 'x', deps),
      zip,
      getAnyRubric,
    ).catch((x: unknown) => x);
    expect((e as ZipError).code).toBe(code);
    expect([await fresh.assessments.count(), await fresh.attachments.count()]).toEqual([0, 0]);
  });

  it('a zip that imports nothing (all duplicates) leaves no new bytes behind', async () => {
    await seeded();
    const zip = await bytesOf((await backupZip(store, att)).blob);
    await db.attachments.clear();
    const report = await importZip(store, att, zip, getAnyRubric);
    expect(report.duplicates.length).toBe(1);
    // the duplicate's own record names them, so they stay: its missing bytes are restored
    expect(await db.attachments.count()).toBe(2);
  });
});
