/**
 * Why a write to storage failed, in words the UI can translate. Dexie wraps the browser's error (an
 * aborted transaction carries the QuotaExceededError as `inner`, a bulk write as `failures`), so the
 * cause is looked for along that chain. Errors are told apart by name, so the home screen can use this
 * without loading the storage code.
 */

export type WriteFailure = 'quota' | 'damaged' | 'missing' | 'other';

/** Thrown when the record a write starts from is no longer stored (deleted in another tab). */
export class RecordMissingError extends Error {
  constructor(id: string) {
    super(`assessment ${id} not found`);
    this.name = 'RecordMissingError';
  }
}

function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  const stack = [e];
  while (stack.length && out.length < 20) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null || out.includes(x)) continue;
    out.push(x);
    const { inner, cause, failures } = x as { inner?: unknown; cause?: unknown; failures?: unknown };
    stack.push(inner, cause);
    if (failures && typeof failures === 'object') stack.push(...Object.values(failures));
  }
  return out;
}

export function writeFailure(e: unknown): WriteFailure {
  const all = causes(e);
  const names = all.map((x) => (x as { name?: unknown }).name);
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('DamagedRecordError')) return 'damaged';
  if (names.includes('RecordMissingError')) return 'missing';
  return 'other';
}

/** The error's name and message, one short line, for the "details" part of a message. */
export function errorDetail(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/\s+/g, ' ').slice(0, 160);
}
