/**
 * Whether this device may hold DigiLevel's storage already, asked without loading Dexie: on a first visit
 * nothing is stored, so home can say so without the storage code (a third of the bytes after the first paint,
 * and most of its start-up work). No Dexie import here: this module is part of the first visit.
 */
export const DB_NAME = 'digilevel';

/**
 * False only when the browser says no database of that name exists. Where it cannot say (no
 * `indexedDB.databases()`, an error, storage blocked), true: the caller opens storage as before and finds out.
 */
export async function storedDataMayExist(name = DB_NAME): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
    const list = await indexedDB.databases();
    return list.some((db) => db.name === name);
  } catch {
    return true;
  }
}
