/** The optional `profile` of the interchange file: ids from the spec's table, other keys kept as they are. */
import { INDUSTRIES, SIZES } from '../vocabulary';
import { short, type FileIssue } from './issues';
import { type UnknownKeys, PROFILE_KEYS, setKey, unknownKeysOf } from './unknown-keys';

export type Industry = (typeof INDUSTRIES)[number];
export type SizeClass = (typeof SIZES)[number];

export interface Profile {
  industry?: Industry;
  size?: SizeClass;
  name?: string;
  year?: number;
  /** The profile's keys that the spec does not name ("other keys may be added"), spread back on export. */
  unknownKeys?: UnknownKeys;
}

/** The profile's keys that the spec names (what a profile patch sets). */
export type ProfileKey = 'industry' | 'size' | 'name' | 'year';

/** The profile as exported: its unknown keys back beside the spec's. */
export type InterchangeProfile = Omit<Profile, 'unknownKeys'> & Readonly<UnknownKeys>;

/** DigiLevel's limits on the spec's free-text name and integer year (docs/digilevel-extension.md). */
export const MAX_NAME_CHARS = 200;
export const MIN_PROFILE_YEAR = 1900;
export const MAX_PROFILE_YEAR = 2200;

export function validateProfile(raw: unknown, issues: FileIssue[]): Profile | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({ key: 'profile', code: 'type', detail: 'object' });
    return undefined;
  }
  const p = raw as Record<string, unknown>;
  const before = issues.length;
  if (p.industry !== undefined && !(INDUSTRIES as readonly unknown[]).includes(p.industry))
    issues.push({ key: 'profile.industry', code: 'unknown-id', detail: short(p.industry) });
  if (p.size !== undefined && !(SIZES as readonly unknown[]).includes(p.size))
    issues.push({ key: 'profile.size', code: 'unknown-id', detail: short(p.size) });
  if (p.name !== undefined) {
    if (typeof p.name !== 'string') issues.push({ key: 'profile.name', code: 'type', detail: 'string' });
    else if (p.name.length > MAX_NAME_CHARS)
      issues.push({ key: 'profile.name', code: 'too-long', detail: `${MAX_NAME_CHARS}` });
  }
  const year = p.year;
  if (
    year !== undefined &&
    !(typeof year === 'number' && Number.isInteger(year) && year >= MIN_PROFILE_YEAR && year <= MAX_PROFILE_YEAR)
  )
    issues.push({ key: 'profile.year', code: 'type', detail: `integer ${MIN_PROFILE_YEAR}–${MAX_PROFILE_YEAR}` });
  if (issues.length > before) return undefined;
  const out: Profile = {};
  for (const [k, v] of Object.entries(p)) if (PROFILE_KEYS.includes(k)) setKey(out, k, v);
  const unknownKeys = unknownKeysOf(p, PROFILE_KEYS);
  if (unknownKeys) out.unknownKeys = unknownKeys;
  return out;
}
