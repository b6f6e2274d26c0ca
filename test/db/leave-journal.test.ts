/**
 * Edits written as a page is left are also kept in a journal (localStorage in the app), so that a write
 * Chromium aborts while tearing the page down is stored by the next start; a write that did land is not
 * applied twice, and journal entries that do not fit are dropped without touching the record.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { LeaveJournal, type JournalStorage } from '../../src/db/leave-journal';
import type { Patch } from '../../src/domain/index';

/** A Map-backed Storage: what the browser's localStorage keeps across pages of one origin. */
function fakeStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const rename = (value: string): Patch => ({ op: 'profile', key: 'name', value });
let n = 0;
let db: DigiLevelDB;
let storage: ReturnType<typeof fakeStorage>;
/** One page of the app: its own store (own writer), the origin's database and journal. */
const page = (writer: string) => new AssessmentStore(db, writer, clock, new LeaveJournal(storage));
/** One clock for all pages, each reading a later time: "written after the page was left" is exact. */
let time = 0;
const clock = { now: () => ++time, newId: () => crypto.randomUUID() };
const nameOf = async (id: string) => (await db.assessments.get(id))?.file.profile?.name;

beforeEach(async () => {
  db = new DigiLevelDB(`test-leave-${n++}`);
  await db.open();
  storage = fakeStorage();
});

/** writeNow as on a page torn down before IndexedDB got to the put: the transaction never lands. */
function tornDown() {
  const backend = db.backendDB();
  vi.spyOn(db, 'backendDB').mockReturnValueOnce({
    ...backend,
    transaction: () =>
      ({ objectStore: () => ({ put: () => undefined }), commit: () => undefined }) as unknown as IDBTransaction,
  } as IDBDatabase);
}

describe('leave journal', () => {
  it('a write aborted as the page went is stored by the next start, once', async () => {
    const left = page('left');
    const id = await left.create('cn-sme-2024');
    const base = (await left.get(id))!;
    tornDown();
    void left.writeNow(base, [rename('离开前输入')]);
    expect(await nameOf(id)).toBeUndefined(); // IndexedDB did not get it
    expect(storage.map.size).toBe(1);

    const next = page('next');
    await next.restoreLeftEdits();
    expect(await nameOf(id)).toBe('离开前输入');
    expect(storage.map.size).toBe(0);
    // a second page starting later finds nothing more to do
    const revision = (await db.assessments.get(id))!.revision;
    await page('third').restoreLeftEdits();
    expect((await db.assessments.get(id))!.revision).toBe(revision);
  });

  it('a write that landed is not applied again over a later edit', async () => {
    const left = page('left');
    const id = await left.create('cn-sme-2024');
    // the page went after the put landed but before its completion callback could clear the journal
    vi.spyOn(storage, 'removeItem').mockImplementationOnce(() => undefined);
    await left.writeNow((await left.get(id))!, [rename('甲')]);
    expect(storage.map.size).toBe(1);
    await page('other-tab').update(id, [rename('乙')]);

    await page('next').restoreLeftEdits();
    expect(await nameOf(id)).toBe('乙');
    expect(storage.map.size).toBe(0);
  });

  it('a lost write is not applied over an edit another tab made after the page was left', async () => {
    const left = page('left');
    const id = await left.create('cn-sme-2024');
    tornDown();
    void left.writeNow((await left.get(id))!, [rename('甲')]);
    await page('other-tab').update(id, [rename('乙')]);

    await page('next').restoreLeftEdits();
    expect(await nameOf(id)).toBe('乙');
    expect(storage.map.size).toBe(0);
  });

  it('a lost write is not applied over an edit another tab makes while it is being checked', async () => {
    const left = page('left');
    const id = await left.create('cn-sme-2024');
    tornDown();
    void left.writeNow((await left.get(id))!, [rename('甲')]);
    const next = page('next');
    const update = next.update.bind(next);
    // the check (outside the write's transaction: it loads rubrics) passed; another tab writes before the write
    vi.spyOn(next, 'update').mockImplementationOnce(async (...args) => {
      await page('other-tab').update(id, [rename('乙')]);
      return update(...args);
    });

    await next.restoreLeftEdits();
    expect(await nameOf(id)).toBe('乙');
    expect(storage.map.size).toBe(0); // the left edits are older: dropped, not kept for the next start
  });

  it('a page that stays clears its journal entry when the write completes', async () => {
    const left = page('left');
    const id = await left.create('cn-sme-2024');
    const written = left.writeNow((await left.get(id))!, [rename('留下')]);
    expect(JSON.parse([...storage.map.values()][0]!).patches).toEqual([rename('留下')]);
    await written;
    expect(storage.map.size).toBe(0);
    expect(await nameOf(id)).toBe('留下');
  });

  it('drops entries that do not fit, leaving the records as they are', async () => {
    const store = page('a');
    const id = await store.create('cn-sme-2024');
    const before = await db.assessments.get(id);
    const journal = new LeaveJournal(storage);
    journal.keep('no-such-record', { token: 't1', patches: [rename('x')], at: clock.now() });
    journal.keep(id, {
      token: 't2',
      patches: [{ op: 'answer', id: 'q5', value: 'not an option' } as unknown as Patch],
      at: clock.now(),
    });
    storage.setItem('digilevel.left.broken', '{not json');
    storage.setItem('unrelated', 'kept');

    await page('b').restoreLeftEdits();
    expect(await db.assessments.get(id)).toEqual(before);
    expect([...storage.map.keys()]).toEqual(['unrelated']);
  });

  it('keeps an entry whose write fails, for the next start', async () => {
    const store = page('a');
    const id = await store.create('cn-sme-2024');
    new LeaveJournal(storage).keep(id, { token: 't', patches: [rename('稍后')], at: clock.now() });
    const failing = page('b');
    vi.spyOn(failing, 'update').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await failing.restoreLeftEdits();
    expect(storage.map.size).toBe(1);
    await page('c').restoreLeftEdits();
    expect(await nameOf(id)).toBe('稍后');
  });

  it('works without a journal storage (blocked localStorage): writes as before', async () => {
    const store = new AssessmentStore(db, 'a', clock, new LeaveJournal(undefined));
    const id = await store.create('cn-sme-2024');
    await store.writeNow((await store.get(id))!, [rename('无存储')]);
    await store.restoreLeftEdits();
    expect(await nameOf(id)).toBe('无存储');
  });
});
