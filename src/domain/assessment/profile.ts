/** The optional `profile` of the interchange file: ids from the spec's table, other keys kept as they are. */
import { INDUSTRIES, SIZES } from '../vocabulary';
import { short, type FileIssue } from './file';

export type Industry = (typeof INDUSTRIES)[number];
export type SizeClass = (typeof SIZES)[number];

export interface Profile {
  industry?: Industry;
  size?: SizeClass;
  name?: string;
  year?: number;
  [key: string]: unknown;
}

export const MAX_NAME_CHARS = 200;

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
  if (p.year !== undefined && !(Number.isInteger(p.year) && (p.year as number) >= 1900 && (p.year as number) <= 2200))
    issues.push({ key: 'profile.year', code: 'type', detail: 'year (integer)' });
  if (issues.length > before) return undefined;
  const out: Profile = {};
  for (const [k, v] of Object.entries(p))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
