/**
 * When unreferenced attachment bytes go (issue 19): prune() deletes bytes no assessment names, never bytes
 * still named (by another claim or another assessment) nor bytes whose removal can still be undone (held:
 * attachment-holds.ts); closing an undo offer and deleting an assessment are the moments that prune.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AttachmentStore, sha256Hex, type AttachmentDeps } from '../../src/db/attachments';
import { heldHashes, holdBytes, removeWithUndo } from '../../src/db/attachment-holds';
import { EXTENSION_KEY } from '../../src/domain/index';

let n = 0;
let db: DigiLevelDB;
let store: AssessmentStore;
let att: AttachmentStore;
let id: string;
const deps: AttachmentDeps = {
  now: () => Date.UTC(2026, 2, 1, 8),
  hash: sha256Hex,
  estimate: async () => ({ usage: 0, quota: 1e9 }),
  held: heldHashes,
};
const file = (text: string) => ({
  name: `${text}.pdf`,
  type: 'application/pdf',
  bytes: new TextEncoder().encode(text),
});
const stored = async () => new Set(await db.attachments.toCollection().primaryKeys());

beforeEach(async () => {
  db = new DigiLevelDB(`test-prune-${n++}`);
  await db.open();
  store = new AssessmentStore(db, 'tab');
  att = new AttachmentStore(db, 'tab', deps);
  id = await store.create('cn-sme-2024');
});

describe('prune', () => {
  it('keeps bytes another claim or another assessment still names', async () => {
    const a = await att.attach(id, 'q4', file('a'));
    await att.attach(id, 'quality@1', file('a'));
    const other = await store.create('cn-sme-2024');
    const b = await att.attach(other, 'q5', file('b'));
    await att.attach(id, 'q5', file('b'));
    await att.detach(id, 'q4', a.hash);
    await att.detach(other, 'q5', b.hash);
    expect(await att.prune()).toBe(0);
    expect(await stored()).toEqual(new Set([a.hash, b.hash]));
  });

  it('keeps held bytes (a removal that can still be undone) and deletes them once the hold is let go', async () => {
    const a = await att.attach(id, 'q4', file('a'));
    const release = await holdBytes(a.hash);
    await att.detach(id, 'q4', a.hash);
    expect(await att.prune()).toBe(0);
    expect(await stored()).toEqual(new Set([a.hash]));
    release();
    release(); // twice changes nothing
    expect(await heldHashes()).toEqual(new Set());
    expect(await att.prune()).toBe(1);
    expect(await stored()).toEqual(new Set());
  });

  it('removeWithUndo: undo brings the file back whole; closing the offer deletes the bytes', async () => {
    const a = await att.attach(id, 'q4', file('a'));
    const removal = await removeWithUndo(att, id, 'q4', a);
    expect((await db.assessments.get(id))!.file[EXTENSION_KEY]?.attachments).toBeUndefined();
    expect(await att.prune()).toBe(0); // e.g. another tab starting, or an assessment deleted meanwhile
    await removal.undo();
    expect((await db.assessments.get(id))!.file[EXTENSION_KEY]?.attachments).toEqual({ q4: [a] });
    expect([...(await att.get(a.hash))!.data]).toEqual([...file('a').bytes]);
    expect(await removal.close()).toBe(0); // undone: nothing to delete, nothing held
    expect(await heldHashes()).toEqual(new Set());

    const again = await removeWithUndo(att, id, 'q4', a);
    expect(await stored()).toEqual(new Set([a.hash]));
    expect(await again.close()).toBe(1);
    expect(await stored()).toEqual(new Set());
    await again.undo(); // the offer is closed: nothing happens
    expect((await db.assessments.get(id))!.file[EXTENSION_KEY]?.attachments).toBeUndefined();
  });

  it('deleting an assessment, then pruning, removes only the bytes no other assessment names', async () => {
    const other = await store.create('cn-sme-2024');
    const a = await att.attach(id, 'q4', file('a'));
    const shared = await att.attach(id, 'q5', file('shared'));
    await att.attach(other, 'q5', file('shared'));
    await store.remove(id);
    expect(await att.prune()).toBe(1);
    expect(await stored()).toEqual(new Set([shared.hash]));
    expect(await att.present([a.hash])).toEqual(new Set());
  });

  it('deletes nothing while a stored record is damaged (its references cannot be read)', async () => {
    const a = await att.attach(id, 'q4', file('a'));
    await att.detach(id, 'q4', a.hash);
    const raw = (await db.assessments.get(id))!;
    await db.assessments.put({ ...raw, id: 'broken', file: { [EXTENSION_KEY]: { attachments: 'nonsense' } } as never });
    expect(await att.prune()).toBe(0);
    expect(await stored()).toEqual(new Set([a.hash]));
  });

  it('deletes nothing when the holds cannot be read', async () => {
    const a = await att.attach(id, 'q4', file('a'));
    await att.detach(id, 'q4', a.hash);
    const failing = new AttachmentStore(db, 'tab', { ...deps, held: () => Promise.reject(new Error('no locks')) });
    expect(await failing.prune()).toBe(0);
    expect(await stored()).toEqual(new Set([a.hash]));
  });
});
