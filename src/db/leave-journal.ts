/**
 * A second copy of the edits a page writes as it is left (AssessmentStore.writeNow), in localStorage.
 *
 * Why: Chromium aborts the IndexedDB transactions of a document that is torn down before they finish, even
 * after commit() was asked for. On a busy machine the put of an unloading page can still be queued when the
 * page goes, and the edit typed just before leaving is lost. A localStorage write is taken by the browser as
 * soon as it is made, so the next start of the app (AssessmentStore.restoreLeftEdits) can tell whether the
 * IndexedDB write landed (the record carries the entry's token) and apply the edits again if it did not.
 */
import type { Patch } from '../domain/index';

export interface LeftEdits {
  /** Stored as `leaveToken` on the record by the write it backs up: present there means it landed. */
  token: string;
  patches: Patch[];
  /** When the page was left (the store's clock): a record written after it holds newer edits. */
  at: number;
}

/** The part of the Storage interface used here: tests pass a Map-backed fake. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'digilevel.left.';

/** localStorage when the page may use it (not in Node, not when the browser blocks it). */
export function defaultJournalStorage(): JournalStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // blocked storage throws on access
  }
}

export class LeaveJournal {
  constructor(private readonly storage: JournalStorage | undefined = defaultJournalStorage()) {}

  /** Kept for record `id`; replaces an earlier entry (which the app's start has already restored). */
  keep(id: string, entry: LeftEdits): void {
    try {
      this.storage?.setItem(PREFIX + id, JSON.stringify(entry));
    } catch {
      // full or blocked: the IndexedDB write is then the only copy, as before this journal existed
    }
  }

  /** Removes the entry of record `id` if it is still the one with `token` (a later leave may have replaced it). */
  forget(id: string, token: string): void {
    try {
      // only this record's entry is read: the others may belong to pages being left in other tabs
      if (parseEntry(this.storage?.getItem(PREFIX + id) ?? null)?.token === token)
        this.storage?.removeItem(PREFIX + id);
    } catch {
      // nothing to do: a stale entry is recognised by its token and dropped at the next start
    }
  }

  /** Every entry, each with its record id. Entries that are not ours or not well-formed are removed. */
  entries(): { id: string; entry: LeftEdits }[] {
    const storage = this.storage;
    if (!storage) return [];
    const out: { id: string; entry: LeftEdits }[] = [];
    const bad: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key?.startsWith(PREFIX)) continue;
        const entry = parseEntry(storage.getItem(key));
        if (entry) out.push({ id: key.slice(PREFIX.length), entry });
        else bad.push(key);
      }
      for (const key of bad) storage.removeItem(key);
    } catch {
      return out;
    }
    return out;
  }
}

/**
 * The entry when it has the shape keep() writes. The patches themselves are checked where they are applied
 * (AssessmentStore.update validates the result like any save).
 */
function parseEntry(text: string | null): LeftEdits | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { token, patches, at } = value as Record<string, unknown>;
  if (typeof token !== 'string' || !Array.isArray(patches) || typeof at !== 'number') return undefined;
  if (!patches.every((p) => typeof p === 'object' && p !== null && typeof (p as { op?: unknown }).op === 'string'))
    return undefined;
  return { token, patches: patches as Patch[], at };
}
