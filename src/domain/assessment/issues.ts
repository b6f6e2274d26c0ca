/**
 * What the validators of the interchange file, its profile, its extension and a backup share: the issue they
 * report, the limits they apply and how they quote an offending key or value. Its own module, imported by each
 * of them, so that none of them imports another to get it (file.ts ↔ extension.ts ↔ profile.ts was a cycle).
 */
import type { JsonSyntaxError } from './json-error';

/** How deep an assessment file (and so a backup's entry) may nest before it is refused unread. */
export const MAX_FILE_DEPTH = 32;

export type FileErrorCode =
  | 'too-large'
  | 'invalid-json'
  | 'not-object'
  | 'format'
  | 'version'
  | 'unknown-rubric'
  | 'type'
  | 'unknown-key'
  | 'index-range'
  | 'empty-selection'
  | 'none-mixed'
  | 'duplicate-index'
  | 'scenario-shape'
  | 'unknown-id'
  | 'too-long'
  | 'too-deep';

export interface FileIssue {
  /** Dotted path of the offending key, e.g. "answers.q4" or "profile.industry". */
  key: string;
  code: FileErrorCode;
  /** Expected type or limit, the offending value (shortened) … for the message. */
  detail?: string;
  /** For 'invalid-json': what is wrong and where, for a translated message. */
  json?: JsonSyntaxError;
}

export const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A value named in a message: strings and primitives shortened, containers only by their type, so a
 * hostile value (10,000 nested arrays, an object with a throwing toString) cannot break the message.
 */
export function short(x: unknown): string {
  let s: string;
  if (typeof x === 'string') s = JSON.stringify(x.slice(0, 40));
  else if (typeof x === 'number' || typeof x === 'boolean' || x === null) s = String(x);
  else s = Array.isArray(x) ? 'array' : typeof x;
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}

/** A key from the file as it appears in an issue key: plain ids as they are, anything else quoted and cut. */
export function keyPart(k: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(k) ? k : JSON.stringify(k.length > 40 ? `${k.slice(0, 37)}…` : k);
}

export function depthOf(x: unknown, limit = MAX_FILE_DEPTH): number {
  // iterative, so that a hostile file cannot overflow the stack
  let max = 0;
  const stack: [unknown, number][] = [[x, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > limit) return max;
    if (typeof node === 'object' && node !== null) for (const v of Object.values(node)) stack.push([v, depth + 1]);
  }
  return max;
}
