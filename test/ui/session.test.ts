import { describe, expect, it, vi, afterEach, beforeEach } from 'vitest';
import { flushSync } from 'svelte';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { LeaveJournal } from '../../src/db/leave-journal';
import { AssessmentSession, SAVE_DELAY_MS } from '../../src/state/session.svelte';

// Only the session's own timers are fake: fake-indexeddb runs on setImmediate, which stays real, so the
// clock moves only when a test says so and the back-off is measured exactly, whatever the machine's load.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * Waits until `check` holds by letting the database work (one real task at a time) and running the
 * timers already due (Dexie's live queries start on setTimeout 0); the fake clock does not move.
 */
async function until(check: () => boolean) {
  for (let turn = 0; turn < 5_000; turn++) {
    if (check()) return;
    await new Promise<void>((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(0);
  }
  throw new Error('state never reached');
}

/** The autosave, run now: the delay passes on the fake clock and the write completes. */
async function autosave(session: AssessmentSession) {
  await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
  await until(() => session.saveState === 'saved');
}

let dbs = 0;
/** A new assessment in its own database, open in a session whose file has loaded. */
async function openNew(writer = 'mine') {
  const db = new DigiLevelDB(`session-${++dbs}`);
  const store = new AssessmentStore(db, writer);
  const other = new AssessmentStore(db, 'other');
  const id = await store.create('cn-sme-2024');
  const session = new AssessmentSession(store, id);
  await until(() => session.file !== null);
  return { store, other, id, session };
}

describe('AssessmentSession autosave', () => {
  it('shows an edit at once and starts storing it SAVE_DELAY_MS later, inside the 300 ms promise', async () => {
    expect(SAVE_DELAY_MS).toBeLessThan(300);
    const { store, id, session } = await openNew();
    const update = vi.spyOn(store, 'update');
    session.edit({ op: 'answer', id: 'q5', value: 2 });
    flushSync();
    expect(session.file?.answers.q5).toBe(2);
    expect(session.saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(update).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(update).toHaveBeenCalledTimes(1);
    await until(() => session.saveState === 'saved');
    expect((await store.get(id))?.file.answers.q5).toBe(2);
    expect(session.evaluation?.unanswered).not.toContain('q5');
    session.dispose();
  });

  it("shows another tab's edit and keeps its own unsaved edit on top", async () => {
    const { store, other, id, session } = await openNew();
    session.edit({ op: 'answer', id: 'q1', value: [1] });
    await other.update(id, [{ op: 'answer', id: 'q2', value: 4 }]);
    await until(() => session.file?.answers.q2 === 4);
    expect(session.file?.answers.q1).toEqual([1]);
    await autosave(session);
    expect((await store.get(id))!.file.answers).toEqual({ q1: [1], q2: 4 });
    expect(session.overwrites).toEqual([]);
    session.dispose();
  });

  it('keeps edits on screen and reports an error when a save fails; a new edit tries again at once', async () => {
    const { store, id, session } = await openNew();
    vi.spyOn(store, 'update').mockRejectedValueOnce(new Error('QuotaExceededError'));
    session.edit({ op: 'answer', id: 'q3', value: 1 });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await until(() => session.saveState === 'error');
    expect(session.file?.answers.q3).toBe(1);
    expect(session.saveError).toContain('Quota');
    session.edit({ op: 'answer', id: 'q4', value: [0] });
    await autosave(session);
    expect((await store.get(id))?.file.answers).toEqual({ q3: 1, q4: [0] });
    session.dispose();
  });

  it('retries a failed save by itself after 2 s, then 4 s', async () => {
    const { store, id, session } = await openNew();
    const update = vi
      .spyOn(store, 'update')
      .mockRejectedValueOnce(new Error('QuotaExceededError'))
      .mockRejectedValueOnce(new Error('QuotaExceededError'));
    session.edit({ op: 'answer', id: 'q3', value: 2 });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await until(() => session.saveState === 'error');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(update).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(update).toHaveBeenCalledTimes(2);
    await until(() => session.saveState === 'error');
    await vi.advanceTimersByTimeAsync(3_999);
    expect(update).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => session.saveState === 'saved');
    expect(update).toHaveBeenCalledTimes(3);
    expect((await store.get(id))?.file.answers).toEqual({ q3: 2 });
    session.dispose();
  });
});

describe('AssessmentSession when the page is left', () => {
  it('opens with the edits of a page left before its write landed, never the older value first', async () => {
    const { store, id, session } = await openNew();
    session.dispose();
    // what writeNow keeps for a page whose IndexedDB write Chromium aborted on tear-down (db/leave-journal.ts)
    new LeaveJournal().keep(id, {
      token: 'left',
      patches: [{ op: 'profile', key: 'name', value: '离开前' }],
      at: Date.now(),
    });
    const next = new AssessmentSession(new AssessmentStore(store.db, 'next-page'), id);
    const seen: (string | undefined)[] = [];
    await until(() => {
      if (next.file) seen.push(next.file.profile?.name);
      return next.file?.profile?.name === '离开前';
    });
    expect(seen[0]).toBe('离开前');
    next.dispose();
  });

  it('writes an unsaved edit on pagehide at once, without waiting for the autosave', async () => {
    const { store, id, session } = await openNew();
    const update = vi.spyOn(store, 'update');
    const writeNow = vi.spyOn(store, 'writeNow');
    session.edit({ op: 'profile', key: 'name', value: '离开前' });
    dispatchEvent(new Event('pagehide'));
    // the fake clock has not moved: the autosave has not started, the pagehide write has
    expect(writeNow).toHaveBeenCalledTimes(1);
    await writeNow.mock.results[0]!.value;
    expect(update).not.toHaveBeenCalled();
    expect((await store.get(id))?.file.profile?.name).toBe('离开前');
    session.dispose();
  });

  it('on pagehide during a save, writes that save’s edits and the newer ones; a page that stays saves normally', async () => {
    const { store, id, session } = await openNew();
    const update = vi.spyOn(store, 'update');
    const writeNow = vi.spyOn(store, 'writeNow');
    session.edit({ op: 'answer', id: 'q5', value: 2 });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(update).toHaveBeenCalledTimes(1);
    expect(session.saveState).toBe('saving');
    session.edit({ op: 'answer', id: 'q3', value: 1 });
    dispatchEvent(new Event('pagehide'));
    expect(writeNow.mock.calls[0]![1]).toEqual([
      { op: 'answer', id: 'q5', value: 2 },
      { op: 'answer', id: 'q3', value: 1 },
    ]);
    await writeNow.mock.results[0]!.value;
    expect((await store.get(id))?.file.answers).toEqual({ q5: 2, q3: 1 });
    // not left after all (back/forward cache): no error shown, the edits are saved again the usual way
    await until(() => session.saveState !== 'saving');
    expect(session.saveState).not.toBe('error');
    await autosave(session);
    expect(session.saveError).toBeNull();
    expect((await store.get(id))?.file.answers).toEqual({ q5: 2, q3: 1 });
    session.dispose();
  });

  it('starts the save at once when the tab is hidden', async () => {
    const { store, id, session } = await openNew();
    const update = vi.spyOn(store, 'update');
    session.edit({ op: 'answer', id: 'q7', value: 0 });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(update).toHaveBeenCalledTimes(1);
    await until(() => session.saveState === 'saved');
    expect((await store.get(id))?.file.answers.q7).toBe(0);
    visibility.mockRestore();
    session.dispose();
  });

  it('writes nothing when nothing is unsaved, and stops listening once disposed', async () => {
    const { store, session } = await openNew();
    const writeNow = vi.spyOn(store, 'writeNow');
    dispatchEvent(new Event('pagehide'));
    expect(writeNow).not.toHaveBeenCalled();
    session.dispose();
    session.edit({ op: 'answer', id: 'q1', value: 1 });
    dispatchEvent(new Event('pagehide'));
    expect(writeNow).not.toHaveBeenCalled();
  });
});

describe('AssessmentSession when another tab saves the same field', () => {
  /** This tab saves `name`, then the other tab saves its own. */
  async function replaced(mine: string, theirs: string) {
    const opened = await openNew();
    const { other, id, session } = opened;
    session.edit({ op: 'profile', key: 'name', value: mine });
    await autosave(session);
    await other.update(id, [{ op: 'profile', key: 'name', value: theirs }]);
    await until(() => session.file?.profile?.name === theirs);
    return opened;
  }

  it('tells this tab which field it was and both values', async () => {
    const { session } = await replaced('甲厂', '乙厂');
    expect(session.overwrites.map(({ key, mineValue, theirs }) => ({ key, mineValue, theirs }))).toEqual([
      { key: 'profile:name', mineValue: '甲厂', theirs: '乙厂' },
    ]);
    session.dispose();
  });

  it('"keep mine" stores this tab’s value again and clears the notice', async () => {
    const { store, id, session } = await replaced('甲厂', '乙厂');
    session.keepMine(session.overwrites[0]!);
    expect(session.overwrites).toEqual([]);
    expect(session.file?.profile?.name).toBe('甲厂');
    await autosave(session);
    expect((await store.get(id))?.file.profile?.name).toBe('甲厂');
    session.dispose();
  });

  it('"accept theirs" leaves the other value and clears the notice', async () => {
    const { store, id, session } = await replaced('甲厂', '乙厂');
    session.dismissOverwrite(session.overwrites[0]!);
    expect(session.overwrites).toEqual([]);
    expect((await store.get(id))?.file.profile?.name).toBe('乙厂');
    session.dispose();
  });

  it('drops the notice when the user sets the field again', async () => {
    const { session } = await replaced('甲厂', '乙厂');
    session.edit({ op: 'profile', key: 'name', value: '丙厂' });
    expect(session.overwrites).toEqual([]);
    session.dispose();
  });

  it('says nothing when the other tab saved the same value or another field', async () => {
    const { other, id, session } = await replaced('甲厂', '甲厂');
    await other.update(id, [{ op: 'answer', id: 'q2', value: 1 }]);
    await until(() => session.file?.answers.q2 === 1);
    expect(session.overwrites).toEqual([]);
    session.dispose();
  });

  it('says nothing while this tab’s own edit of the field is unsaved: that edit is written last', async () => {
    const { store, other, id, session } = await openNew();
    session.edit({ op: 'profile', key: 'name', value: '甲厂' });
    await autosave(session);
    session.edit({ op: 'profile', key: 'name', value: '甲厂二' });
    await other.update(id, [{ op: 'profile', key: 'name', value: '乙厂' }]);
    await until(() => session.record?.file.profile?.name === '乙厂');
    expect(session.overwrites).toEqual([]);
    expect(session.file?.profile?.name).toBe('甲厂二');
    await autosave(session);
    expect((await store.get(id))?.file.profile?.name).toBe('甲厂二');
    session.dispose();
  });
});
