import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, storedDataMayExist } from '../../src/db/stored-data';

/**
 * A device with nothing stored: the database deleted. Dexie closes its connections when asked to (versionchange),
 * so the deletion does not wait on stores earlier tests left open.
 */
async function emptyDevice() {
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = done;
  });
}

/** A fresh AppState module per test: `app` is a singleton. */
async function freshApp() {
  vi.resetModules();
  return (await import('../../src/state/app.svelte')).app;
}

/** Watches the rubric loads of the fresh app's rubric cache (the one `freshApp` just loaded). */
async function watchRubricLoads() {
  const { rubrics } = await import('../../src/state/rubrics.svelte');
  return vi.spyOn(rubrics, 'load');
}

describe('AppState.start', () => {
  afterEach(() => {
    vi.doUnmock('../../src/db/open');
    vi.resetModules();
  });

  it('resolves `ready` with the opened store, for actions taken before storage was open', async () => {
    const app = await freshApp();
    const waiting = app.ready; // taken before start, as a click during the first paint would
    await app.start();
    const store = await waiting;
    expect(store).toBe(app.store);
    expect(app.mode).toBe('persistent');
    expect(app.openError).toBeNull();
    app.stop();
  });

  it('shows why when storage cannot be opened at all, and rejects `ready` instead of leaving actions waiting', async () => {
    vi.doMock('../../src/db/open', () => ({
      openStorage: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
      requestPersistence: async () => undefined,
    }));
    const app = await freshApp();
    const waiting = app.ready;
    await app.start();
    expect(app.openError).toBe('Failed to fetch dynamically imported module');
    expect(app.store).toBeNull();
    await expect(waiting).rejects.toThrow('Failed to fetch dynamically imported module');
    app.stop();
  });
});

describe('AppState.start on a device with nothing stored (a first visit)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('lists nothing without opening storage, and opens it when an action asks for `ready`', async () => {
    await emptyDevice();
    const app = await freshApp();
    const rubricLoads = await watchRubricLoads();
    await app.start();
    // nor loading the national rubric: home's start button has its size from the build (build/rubric-sizes.ts)
    expect(rubricLoads).not.toHaveBeenCalled();
    expect(app.loaded).toBe(true);
    expect(app.assessments).toEqual([]);
    expect(app.store).toBeNull(); // Dexie not even loaded: nothing to read
    expect(app.nothingStored).toBe(true); // home holds no place for the eviction warning
    expect(await storedDataMayExist()).toBe(false); // and nothing created just by looking
    const store = await app.ready;
    expect(app.nothingStored).toBe(false);
    expect(app.store).toBe(store);
    expect(app.mode).toBe('persistent');
    expect(await storedDataMayExist()).toBe(true);
    app.stop();
  });

  it('opens storage at start when a database is there, and lists what it holds', async () => {
    await emptyDevice();
    const first = await freshApp();
    const store = await first.ready;
    await store.create('cn-sme-2024', { name: 'kept' });
    first.stop();
    store.db.close();
    const app = await freshApp(); // the next visit
    const rubricLoads = await watchRubricLoads();
    await app.start();
    expect(app.store).not.toBeNull();
    expect(rubricLoads).toHaveBeenCalledWith('cn-sme-2024'); // what is listed is shown with its rubric
    expect(app.nothingStored).toBe(false);
    await vi.waitFor(() => expect(app.assessments.map((a) => a.file.profile?.name)).toEqual(['kept']));
    app.stop();
  });

  it('opens storage as before where the browser cannot list its databases', async () => {
    await emptyDevice();
    vi.stubGlobal('indexedDB', Object.assign(new IDBFactory(), { databases: undefined }));
    expect(await storedDataMayExist(DB_NAME)).toBe(true);
    const app = await freshApp();
    await app.start();
    expect(app.store).not.toBeNull();
    app.stop();
  });

  it('lists what another tab stored once this tab is looked at again', async () => {
    await emptyDevice();
    const app = await freshApp();
    await app.start();
    expect(app.store).toBeNull();
    const { openStorage } = await import('../../src/db/open');
    const { AssessmentStore } = await import('../../src/db/assessments');
    const other = await openStorage(); // the other tab
    await new AssessmentStore(other.db).create('cn-sme-2024', { name: 'from the other tab' });
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(app.assessments.map((a) => a.file.profile?.name)).toEqual(['from the other tab']));
    app.stop();
    other.db.close();
  });
});
