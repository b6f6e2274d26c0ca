/**
 * The attachment store: SHA-256 naming, one copy per content, refusals (empty, over 25 MB, no room per
 * navigator.storage.estimate, the disk full during the write) that leave nothing written, and removal with
 * undo until prune().
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AttachmentError, AttachmentStore, sha256Hex, type AttachmentDeps } from '../../src/db/attachments';
import { EXTENSION_KEY, MAX_ATTACHMENT_BYTES } from '../../src/domain/index';

let n = 0;
let db: DigiLevelDB;
let store: AssessmentStore;
let id: string;
const deps = (extra: Partial<AttachmentDeps> = {}): AttachmentDeps => ({
  now: () => Date.UTC(2026, 2, 1, 8),
  hash: sha256Hex,
  estimate: async () => ({ usage: 0, quota: 1e9 }),
  ...extra,
});
const bytes = (text: string) => new TextEncoder().encode(text);
const png = { name: '设备.png', type: 'image/png', bytes: bytes('not really a png') };
const refs = async () => (await db.assessments.get(id))!.file[EXTENSION_KEY]?.attachments;

beforeEach(async () => {
  db = new DigiLevelDB(`test-attach-${n++}`);
  await db.open();
  store = new AssessmentStore(db, 'tab');
  id = await store.create('cn-sme-2024');
});

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %j as FIPS 180-2 says', async (text, hex) => {
    expect(await sha256Hex(bytes(text))).toBe(hex);
  });
});

describe('AttachmentStore', () => {
  it('stores the bytes under their hash and the reference on the claim, as the tab writer', async () => {
    const att = new AttachmentStore(db, 'tab', deps());
    const ref = await att.attach(id, 'q4', { ...png, type: 'image/PNG; x=1' }, ' 3 号线 ');
    expect(ref).toEqual({
      hash: await sha256Hex(png.bytes),
      name: '设备.png',
      caption: '3 号线',
      addedAt: '2026-03-01T08:00:00.000Z',
      mime: 'image/png',
      bytes: png.bytes.byteLength,
    });
    expect(await refs()).toEqual({ q4: [ref] });
    const stored = (await att.get(ref.hash))!;
    expect([...stored.data]).toEqual([...png.bytes]);
    expect((await db.assessments.get(id))!.writer).toBe('tab');
  });

  it('stores the same content once, however many claims name it', async () => {
    const att = new AttachmentStore(db, 'tab', deps());
    await att.attach(id, 'q4', png);
    await att.attach(id, 'quality@1', { ...png, name: 'copy.png' });
    expect(await db.attachments.count()).toBe(1);
    expect(await att.usage()).toEqual({ files: 1, bytes: png.bytes.byteLength });
    expect(Object.keys((await refs())!)).toEqual(['q4', 'quality@1']);
  });

  it.each<[string, Uint8Array, Partial<AttachmentDeps>, string]>([
    ['an empty file', new Uint8Array(0), {}, 'empty'],
    ['a file over 25 MB', new Uint8Array(MAX_ATTACHMENT_BYTES + 1), {}, 'too-large'],
    ['a file the disk has no room for', bytes('x'), { estimate: async () => ({ usage: 99, quota: 100 }) }, 'quota'],
  ])('refuses %s and writes nothing', async (_, data, extra, code) => {
    const att = new AttachmentStore(db, 'tab', deps(extra));
    const e = await att.attach(id, 'q4', { ...png, bytes: data }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AttachmentError);
    expect((e as AttachmentError).code).toBe(code);
    expect([await db.attachments.count(), await refs(), (await db.assessments.get(id))!.revision]).toEqual([
      0,
      undefined,
      1,
    ]);
  });

  it('a full disk during the write (QuotaExceededError) leaves neither bytes nor reference', async () => {
    const att = new AttachmentStore(db, 'tab', deps());
    vi.spyOn(db.assessments, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const e = await att.attach(id, 'q4', png).catch((x: unknown) => x);
    expect((e as AttachmentError).code).toBe('quota');
    vi.restoreAllMocks();
    expect([await db.attachments.count(), await refs()]).toEqual([0, undefined]);
  });

  it('a record deleted meanwhile: nothing stored', async () => {
    const att = new AttachmentStore(db, 'tab', deps());
    await store.remove(id);
    await expect(att.attach(id, 'q4', png)).rejects.toThrow(/not found/);
    expect(await db.attachments.count()).toBe(0);
  });

  it('removes a reference, undoes the removal, and prunes bytes nobody names', async () => {
    const att = new AttachmentStore(db, 'tab', deps());
    const ref = await att.attach(id, 'q4', png);
    await att.detach(id, 'q4', ref.hash);
    expect(await refs()).toBeUndefined();
    expect(await db.attachments.count()).toBe(1);
    await att.restore(id, 'q4', ref);
    expect(await refs()).toEqual({ q4: [ref] });
    expect(await att.prune()).toBe(0);
    await att.detach(id, 'q4', ref.hash);
    expect(await att.prune()).toBe(1);
    expect(await att.present([ref.hash])).toEqual(new Set());
  });
});
