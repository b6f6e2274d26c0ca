import { describe, expect, it, vi, afterEach } from 'vitest';
import { flushSync } from 'svelte';
import { DigiLevelDB } from '../../src/db/database';
import { AssessmentStore } from '../../src/db/assessments';
import { AssessmentSession, SAVE_DELAY_MS } from '../../src/state/session.svelte';

afterEach(() => vi.useRealTimers());

async function until(check: () => boolean, ms = 2000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A new assessment in its own database, open in a session whose file has loaded. */
async function openNew(dbName: string) {
  const store = new AssessmentStore(new DigiLevelDB(dbName));
  const id = await store.create('cn-sme-2024');
  const session = new AssessmentSession(store, id);
  await until(() => session.file !== null);
  return { store, id, session };
}

describe('AssessmentSession autosave', () => {
  it('shows an edit at once and stores it within 300 ms', async () => {
    expect(SAVE_DELAY_MS).toBeLessThan(300);
    const { store, id, session } = await openNew('session-1');
    const started = Date.now();
    session.edit({ op: 'answer', id: 'q5', value: 2 });
    flushSync();
    expect(session.file?.answers.q5).toBe(2);
    expect(session.saveState).toBe('pending');
    await until(() => session.saveState === 'saved');
    expect(Date.now() - started).toBeLessThan(300);
    expect((await store.get(id))?.file.answers.q5).toBe(2);
    expect(session.evaluation?.unanswered).not.toContain('q5');
    session.dispose();
  });

  it("shows another tab's edit and keeps its own unsaved edit on top", async () => {
    const db = new DigiLevelDB('session-2');
    const mine = new AssessmentStore(db, 'mine');
    const other = new AssessmentStore(db, 'other');
    const id = await mine.create('cn-sme-2024');
    const session = new AssessmentSession(mine, id);
    await until(() => session.file !== null);
    session.edit({ op: 'answer', id: 'q1', value: [1] });
    await other.update(id, [{ op: 'answer', id: 'q2', value: 4 }]);
    await until(() => session.file?.answers.q2 === 4);
    expect(session.file?.answers.q1).toEqual([1]);
    await until(() => session.saveState === 'saved');
    const stored = (await mine.get(id))!.file.answers;
    expect(stored).toEqual({ q1: [1], q2: 4 });
    session.dispose();
  });

  it('keeps edits on screen and reports an error when a save fails', async () => {
    const { store, id, session } = await openNew('session-3');
    vi.spyOn(store, 'update').mockRejectedValueOnce(new Error('QuotaExceededError'));
    session.edit({ op: 'answer', id: 'q3', value: 1 });
    await until(() => session.saveState === 'error');
    expect(session.file?.answers.q3).toBe(1);
    expect(session.saveError).toContain('Quota');
    session.edit({ op: 'answer', id: 'q4', value: [0] });
    await until(() => session.saveState === 'saved');
    expect((await store.get(id))?.file.answers).toEqual({ q3: 1, q4: [0] });
    session.dispose();
  });

  it('retries a failed save by itself, after 2 s', async () => {
    const { store, id, session } = await openNew('session-4');
    const update = vi.spyOn(store, 'update').mockRejectedValueOnce(new Error('QuotaExceededError'));
    session.edit({ op: 'answer', id: 'q3', value: 2 });
    await until(() => session.saveState === 'error');
    const failedAt = Date.now();
    await until(() => session.saveState === 'saved', 5_000);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(1_900);
    expect(update).toHaveBeenCalledTimes(2);
    expect((await store.get(id))?.file.answers).toEqual({ q3: 2 });
    session.dispose();
  });
});
