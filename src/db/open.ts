/**
 * Opens storage. When IndexedDB is missing or refuses to open (some private modes, blocked storage,
 * quota), the app keeps working on an in-memory IndexedDB (fake-indexeddb, loaded only then) and the
 * UI shows a banner offering export, instead of failing.
 */
import Dexie from 'dexie';
import { DigiLevelDB, DB_NAME } from './database';

export type StorageMode = 'persistent' | 'memory';

export interface OpenedStorage {
  db: DigiLevelDB;
  mode: StorageMode;
  error?: string;
}

export async function openStorage(name = DB_NAME): Promise<OpenedStorage> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const db = new DigiLevelDB(name);
    await db.open();
    return { db, mode: 'persistent' };
  } catch (e) {
    const { indexedDB: memoryIDB, IDBKeyRange: memoryRange } = await import('fake-indexeddb');
    // liveQuery only runs when Dexie found an indexedDB global at load; where there is none, it is
    // given the in-memory one, so lists and open assessments stay live in this mode too.
    if (!Dexie.dependencies.indexedDB)
      Object.assign(Dexie.dependencies, { indexedDB: memoryIDB, IDBKeyRange: memoryRange });
    const db = new DigiLevelDB(name, { indexedDB: memoryIDB, IDBKeyRange: memoryRange });
    await db.open();
    return { db, mode: 'memory', error: e instanceof Error ? e.message : String(e) };
  }
}

/** Asks the browser not to evict our data under storage pressure; harmless where unsupported. */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    if (!navigator.storage?.persist) return undefined;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return undefined;
  }
}
