/**
 * Ordering assessments in time and following re-assessment links. Apart from diff.ts because the
 * home screen needs these before the first paint, and diff.ts pulls in the effect indicators.
 */
import type { AssessmentFile } from '../assessment/file';
import type { Evaluation } from '../scoring/evaluate';
import { EXTENSION_KEY } from '../assessment/extension';

export interface TrendEntry {
  /** Local record id (for links; not part of the ordering). */
  id: string;
  file: AssessmentFile;
  evaluation: Evaluation;
  /** Creation time of the record, ms since epoch. */
  createdAt: number;
}

/** The assessment year: profile.year, else the UTC year of the record's creation. */
export const assessmentYear = (e: Pick<TrendEntry, 'file' | 'createdAt'>): { year: number; fromDate: boolean } => {
  const y = e.file.profile?.year;
  return typeof y === 'number' && Number.isInteger(y)
    ? { year: y, fromDate: false }
    : { year: new Date(e.createdAt).getUTCFullYear(), fromDate: true };
};

/** Entries in assessment order: by year (profile.year, else year of createdAt), then createdAt, then id. */
export function chronological<T extends Pick<TrendEntry, 'id' | 'file' | 'createdAt'>>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (x, y) =>
      assessmentYear(x).year - assessmentYear(y).year ||
      x.createdAt - y.createdAt ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

/**
 * The assessment a re-assessment was started from: same enterprise, created at `meta.previousCreatedAt`
 * (compared as instants). Undefined when there is no link or the linked one is not among `candidates`.
 */
export function findPrevious<T extends { createdAt: number; file: AssessmentFile }>(
  file: AssessmentFile,
  candidates: readonly T[],
): T | undefined {
  const iso = file[EXTENSION_KEY]?.meta?.previousCreatedAt;
  const ms = iso === undefined ? NaN : Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return candidates.find((c) => c.createdAt === ms && c.file !== file);
}
