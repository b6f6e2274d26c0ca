import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh AppState module per test: `app` is a singleton. */
async function freshApp() {
  vi.resetModules();
  return (await import('../../src/state/app.svelte')).app;
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
