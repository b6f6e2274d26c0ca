/**
 * Ordering assessments in time and following re-assessment links. Apart from diff.ts because the
 * home screen needs these before the first paint, and diff.ts pulls in the effect indicators.
 */
import type { AssessmentFile } from '../assessment/file';
import type { Evaluation } from '../scoring/evaluate';
import { EXTENSION_KEY } from '../assessment/extension';
import { calendarYear, parseInstant } from '../assessment/dates';

export interface TrendEntry {
  /** Local record id (for links; not part of the ordering). */
  id: string;
  file: AssessmentFile;
  evaluation: Evaluation;
  /** Creation time of the record, ms since epoch. */
  createdAt: number;
}

/**
 * The assessment year, the one rule for every screen, the re-assessment and the trend: the file's own
 * `profile.year` when it has one, else the calendar year of the record's creation in China Standard
 * Time (calendarYear), the same on every machine.
 */
export const assessmentYear = (e: Pick<TrendEntry, 'file' | 'createdAt'>): { year: number; fromDate: boolean } => {
  const y = e.file.profile?.year;
  return typeof y === 'number' && Number.isInteger(y)
    ? { year: y, fromDate: false }
    : { year: calendarYear(e.createdAt), fromDate: true };
};

/**
 * The id a re-assessment links to (`meta.previousId`): the id the file carries (`meta.id`, kept through
 * export and import), else the local record id (a record created here; toExport writes it as `meta.id`).
 */
export const assessmentId = (e: { id: string; file: AssessmentFile }): string =>
  e.file[EXTENSION_KEY]?.meta?.id ?? e.id;

type Linkable = { id: string; createdAt: number; file: AssessmentFile };

/**
 * The assessment a re-assessment was started from, among `candidates`: the one whose assessmentId is
 * `meta.previousId`; for a file written before that link existed, the one created at
 * `meta.previousCreatedAt` (compared as instants; ambiguous when two were created in the same
 * millisecond, which is why it is no longer written). Undefined when there is no link or the linked one
 * is not among `candidates`. The first match in `candidates` order wins.
 */
export function findPrevious<T extends Linkable>(file: AssessmentFile, candidates: readonly T[]): T | undefined {
  const meta = file[EXTENSION_KEY]?.meta;
  if (meta?.previousId !== undefined)
    return candidates.find((c) => c.file !== file && assessmentId(c) === meta.previousId);
  const ms = parseInstant(meta?.previousCreatedAt);
  if (ms === undefined) return undefined;
  return candidates.find((c) => c.createdAt === ms && c.file !== file);
}

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Entries in assessment order: by assessment year; within a year an assessment comes before the ones
 * re-assessed from it (findPrevious), whatever their creation times; then by creation time, then by id.
 * Creation times alone cannot order records made in the same millisecond (an import of several files).
 */
export function chronological<T extends Linkable>(entries: readonly T[]): T[] {
  const base = [...entries].sort(
    (x, y) => assessmentYear(x).year - assessmentYear(y).year || x.createdAt - y.createdAt || byId(x, y),
  );
  const out: T[] = [];
  for (let i = 0; i < base.length;) {
    const year = assessmentYear(base[i]!).year;
    let j = i + 1;
    while (j < base.length && assessmentYear(base[j]!).year === year) j++;
    out.push(...linkOrder(base.slice(i, j)));
    i = j;
  }
  return out;
}

/**
 * `group` (one year, in base order) with every entry after the one it was re-assessed from: repeatedly
 * the first entry whose previous is placed or outside the group. A cycle (only a hand-made file can
 * link that way) falls back to base order. Groups are the few assessments of one year: O(n²) is fine.
 */
function linkOrder<T extends Linkable>(group: T[]): T[] {
  if (group.length < 2) return group;
  const previous = new Map(group.map((e) => [e, findPrevious(e.file, group)]));
  const placed = new Set<T>();
  const out: T[] = [];
  const ready = (e: T) => {
    const p = previous.get(e);
    return !placed.has(e) && (p === undefined || p === e || placed.has(p));
  };
  while (out.length < group.length) {
    const next = group.find(ready) ?? group.find((e) => !placed.has(e))!;
    placed.add(next);
    out.push(next);
  }
  return out;
}

/**
 * One assessment per year, for the trend and the enterprise's latest level: `series` in assessment order
 * (chronological) and the others of each year in `variants`. In each year the first assessment in
 * assessment order that is no variant of another one of that year (`meta.variantOf`) counts; a variant
 * whose original is gone counts when it is the first. So a copy never replaces in the trend the
 * assessment it was copied from, and two assessments of one year stored before this rule (a year
 * re-assessed twice) count once: the first made, not the untouched second.
 */
export function seriesOf<T extends Linkable>(entries: readonly T[]): { series: T[]; variants: T[] } {
  const series: T[] = [];
  const variants: T[] = [];
  const ordered = chronological(entries);
  for (let i = 0; i < ordered.length;) {
    const year = assessmentYear(ordered[i]!).year;
    let j = i + 1;
    while (j < ordered.length && assessmentYear(ordered[j]!).year === year) j++;
    const group = ordered.slice(i, j);
    const ids = new Set(group.map(assessmentId));
    const isVariant = (e: T) => {
      const of = e.file[EXTENSION_KEY]?.meta?.variantOf;
      return of !== undefined && of !== assessmentId(e) && ids.has(of);
    };
    const chosen = group.find((e) => !isVariant(e)) ?? group[0]!;
    series.push(chosen);
    variants.push(...group.filter((e) => e !== chosen));
    i = j;
  }
  return { series, variants };
}
