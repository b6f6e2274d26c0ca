/** The home list's rows: one per usable assessment, grouped by enterprise. */
import { chronological, findPrevious, assessmentYear, seriesOf, EXTENSION_KEY } from '../../../domain/index';
import type { StoredAssessment } from '../../../db/database';
import { summarize } from '../../assessment-summary';
import { rubrics } from '../../../state/rubrics.svelte';
import { t } from '../../../i18n/index.svelte';
import { shownLabel } from '../../../i18n/labels';

export interface Row {
  a: StoredAssessment;
  id: string;
  file: StoredAssessment['file'];
  createdAt: number;
  name: string;
  /** Name and year: tells the rows of one enterprise apart in button labels. */
  who: string;
  year: number | undefined;
  label: string;
  industry: string;
  completeness: number;
  /** The level reached, or "未完成" while nothing is answered (no level to speak of). */
  level: string;
  rubric: string;
  /** Another assessment of its year counts in the trend and the latest level (seriesOf): shown as a variant. */
  variant: boolean;
}

export interface Group {
  id: string;
  /** Newest first, as listed. */
  rows: Row[];
  /** Oldest first (chronological). */
  ordered: Row[];
  latest: Row;
  name: string;
}

export function toRow(a: StoredAssessment): Row {
  const summary = summarize(a.file, rubrics.get(a.file.rubric));
  const name = a.file.profile?.name?.trim() || t('home.anonymous');
  const year = a.file.profile?.year;
  return {
    a,
    id: a.id,
    file: a.file,
    createdAt: a.createdAt,
    name,
    who: year ? `${name} ${year}` : name,
    year,
    label: shownLabel(a.file[EXTENSION_KEY]?.meta?.label ?? '', t),
    industry: a.file.profile?.industry ? t(`industry.${a.file.profile.industry}`) : '—',
    completeness: summary.completeness,
    level: summary.completeness === 0 && summary.level !== '…' ? t('reassess.incomplete') : summary.level,
    rubric: summary.rubric,
    variant: false,
  };
}

/**
 * Rows grouped by enterprise: groups in order of their latest update (the list is sorted by updatedAt),
 * assessments inside newest first by assessment year, then creation. The latest level is that of the
 * latest year's counted assessment (seriesOf), never a variant's; variants are marked.
 */
export function groupRows(rows: readonly Row[]): Group[] {
  const ids = [...new Set(rows.map((r) => r.a.enterpriseId))];
  return ids.map((id) => {
    const { series, variants } = seriesOf(rows.filter((r) => r.a.enterpriseId === id));
    const marked = new Map(variants.map((r) => [r, { ...r, variant: true }]));
    const ordered = chronological([...series, ...marked.values()]);
    const latest = series.at(-1)!;
    return { id, rows: [...ordered].reverse(), ordered, latest, name: latest.name };
  });
}

/** Names that head more than one group: two enterprises, or one file imported twice without its meta. */
export function sharedNames(groups: readonly Group[]): Set<string> {
  return new Set(groups.map((g) => g.name).filter((name, i, names) => names.indexOf(name) !== i));
}

/** The other assessment a row is compared with by default: the one it was re-assessed from, else its neighbour. */
export function compareTarget(row: Row, ordered: readonly Row[]): Row | undefined {
  const linked = findPrevious(row.file, ordered);
  if (linked && linked.id !== row.id) return linked;
  const i = ordered.indexOf(row);
  return ordered[i - 1] ?? ordered[i + 1];
}

export function previousYear(row: Row, ordered: readonly Row[]): number | undefined {
  const p = findPrevious(row.file, ordered);
  return p && p.id !== row.id ? assessmentYear(p).year : undefined;
}
