/**
 * Lays down a database as an older schema version of DigiLevelDB created it, with the raw IndexedDB API (so
 * the current Dexie code does not shape it), for the upgrade tests. Dexie stores version n as n × 10.
 */
export function writeOldDatabase(name: string, schemaVersion: 1 | 2, records: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, schemaVersion * 10);
    req.onupgradeneeded = () => {
      const idb = req.result;
      // version(1): assessments keyed by id, listed by updatedAt, grouped by enterprise
      const store = idb.createObjectStore('assessments', { keyPath: 'id' });
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('enterpriseId', 'enterpriseId');
      // version(2): the attachments' bytes keyed by their hash
      if (schemaVersion >= 2) idb.createObjectStore('attachments', { keyPath: 'hash' }).createIndex('size', 'size');
      for (const r of records) store.put(r);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}
