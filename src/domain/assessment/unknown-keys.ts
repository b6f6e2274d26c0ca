/**
 * Keys of an imported file that the spec does not name (shared spec: "Unknown top-level keys are kept on
 * import"; the profile: "other keys may be added"). In the app they live in one typed field, `unknownKeys`, of
 * the file and of its profile, so the file's type lists exactly what it holds and a misspelt key does not
 * compile; export spreads them back where they were, so a round trip keeps them. The field is never written
 * into a file: a file's own key named "unknownKeys" is an unknown key like any other.
 */
import { EXTENSION_KEY } from '../vocabulary';
import { isPlainObject } from './issues';

export type UnknownKeys = Record<string, unknown>;

/** The keys of the file that the spec (and the extension) names. */
export const FILE_KEYS: readonly string[] = [
  'format',
  'version',
  'rubric',
  'profile',
  'answers',
  'scenarios',
  EXTENSION_KEY,
];
/** The keys of the profile that the spec names. */
export const PROFILE_KEYS: readonly string[] = ['industry', 'size', 'name', 'year'];

/** Sets a key as a plain data property: an own "__proto__" key must stay a key, not change the prototype. */
export function setKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The keys of `raw` not in `known`, in their order; undefined when there are none. */
export function unknownKeysOf(
  raw: Readonly<Record<string, unknown>>,
  known: readonly string[],
): UnknownKeys | undefined {
  let out: UnknownKeys | undefined;
  for (const [k, v] of Object.entries(raw)) if (!known.includes(k)) setKey((out ??= {}), k, v);
  return out;
}

/** `known` (without its unknownKeys field) with its unknown keys spread back after its own keys. */
export function spreadUnknownKeys<T extends { unknownKeys?: UnknownKeys }>(
  value: T,
): Omit<T, 'unknownKeys'> & Readonly<UnknownKeys> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'unknownKeys') setKey(out, k, v);
  for (const [k, v] of Object.entries(value.unknownKeys ?? {})) setKey(out, k, v);
  return out as Omit<T, 'unknownKeys'> & Readonly<UnknownKeys>;
}

/**
 * A file as the app stored it before this field (unknown keys at the top level of the file and of its
 * profile) in the form it has now: for the database upgrade, which reads each such record once. (On a file
 * already in this form it would take its `unknownKeys` field for an unknown key.)
 */
export function gatherUnknownKeys(stored: unknown): unknown {
  if (!isPlainObject(stored)) return stored;
  const file: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) if (FILE_KEYS.includes(k)) setKey(file, k, v);
  const profile = stored.profile;
  if (isPlainObject(profile)) {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(profile)) if (PROFILE_KEYS.includes(k)) setKey(p, k, v);
    const kept = unknownKeysOf(profile, PROFILE_KEYS);
    if (kept) p.unknownKeys = kept;
    file.profile = p;
  }
  const kept = unknownKeysOf(stored, FILE_KEYS);
  if (kept) file.unknownKeys = kept;
  return file;
}
