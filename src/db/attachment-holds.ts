/**
 * Holds on attachment bytes that no assessment names but that must stay: a removal the user can still undo,
 * a zip import between storing the bytes and storing the assessments that name them. prune() keeps every
 * held hash. Holds are Web Locks (shared mode) where the browser has them, so a hold in one tab protects the
 * bytes from a prune in another, and a tab that closes or crashes lets go of its holds by itself; a count in
 * this tab stands in where there are none (Node tests, old browsers).
 */

const PREFIX = 'digilevel-attachment-hold:';

/** The part of the Web Locks API used here (lib.dom names it LockManager). */
interface Locks {
  request(name: string, options: { mode: 'shared' }, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[]; pending?: { name?: string }[] }>;
}

const locks = (): Locks | undefined =>
  typeof navigator !== 'undefined' ? (navigator as { locks?: Locks }).locks : undefined;

/** Held in this tab: hash → number of holds. */
const local = new Map<string, number>();

/**
 * Holds the bytes of `hash` until the returned function is called (calling it again does nothing). Resolves
 * once the hold is in place, so whatever makes the bytes unnamed comes after it.
 */
export async function holdBytes(hash: string): Promise<() => void> {
  local.set(hash, (local.get(hash) ?? 0) + 1);
  let releaseLock: (() => void) | undefined;
  const lockApi = locks();
  if (lockApi)
    await new Promise<void>((granted) => {
      void lockApi
        .request(PREFIX + hash, { mode: 'shared' }, () => {
          granted();
          return new Promise<void>((release) => (releaseLock = release));
        })
        .catch(() => granted()); // no lock (an opaque origin): the count in this tab still holds
    });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (local.get(hash) ?? 1) - 1;
    if (n > 0) local.set(hash, n);
    else local.delete(hash);
    releaseLock?.();
  };
}

/** Every hash held in this tab or, through Web Locks, in any tab of this origin. */
export async function heldHashes(): Promise<Set<string>> {
  const held = new Set(local.keys());
  const lockApi = locks();
  if (lockApi) {
    const state = await lockApi.query();
    for (const l of [...(state.held ?? []), ...(state.pending ?? [])])
      if (l.name?.startsWith(PREFIX)) held.add(l.name.slice(PREFIX.length));
  }
  return held;
}

/** What removeWithUndo needs of the attachment store (AttachmentStore has it). */
export interface RemovalStore<R> {
  detach(assessmentId: string, claim: string, hash: string): Promise<void>;
  restore(assessmentId: string, claim: string, ref: R): Promise<void>;
  prune(): Promise<number>;
}

/** A removal the user can still undo; its bytes are held until undo() or close(). */
export interface UndoableRemoval {
  /** Puts the reference back (its bytes were held, so they are there); then lets go of the hold. */
  undo(): Promise<void>;
  /** The undo offer is gone (another action, the screen left): lets go of the hold and prunes. */
  close(): Promise<number>;
}

/**
 * Removes one reference with undo: the hold is taken before the reference goes, so no prune (this tab's or
 * another's) can delete the bytes while the removal can still be undone; closing the offer is the safe moment
 * to delete them, when nothing else names them.
 */
export async function removeWithUndo<R extends { hash: string }>(
  store: RemovalStore<R>,
  assessmentId: string,
  claim: string,
  ref: R,
  hold: (hash: string) => Promise<() => void> = holdBytes,
): Promise<UndoableRemoval> {
  const release = await hold(ref.hash);
  try {
    await store.detach(assessmentId, claim, ref.hash);
  } catch (e) {
    release();
    throw e;
  }
  let open = true;
  return {
    async undo() {
      if (!open) return;
      open = false;
      try {
        await store.restore(assessmentId, claim, ref);
      } finally {
        release();
      }
    },
    async close() {
      if (!open) return 0;
      open = false;
      release();
      return store.prune().catch(() => 0); // a prune that fails deletes nothing; the next one tries again
    },
  };
}
