/**
 * What an official or a consultant asks of a cohort (issue "Many files"): how many enterprises stand
 * at each level, where the scenarios stand, what most often blocks the next level, who is closest to
 * 二级, progress against a target, and each enterprise's trend. Every function takes the members of
 * ONE rubric (the views keep rubrics apart) and is pure, so the same figures appear on screen, in print
 * and in the exports.
 *
 * Counting rule (ours, stated on the cohort page): an enterprise is counted once, by its latest year;
 * the by-year view counts each enterprise once per year. Enterprises are told apart by name; files
 * without a name are each their own enterprise.
 */
import type { CohortMember } from './member';
import { memberLevel, memberScore } from './member';

export const LEVELS = [0, 1, 2, 3, 4] as const;
/** Groups smaller than this are never exported (the threshold can be raised, not lowered). */
export const MIN_GROUP = 5;

const yearOf = (m: CohortMember) => m.year ?? -Infinity;

/** Source order, then hash: a stable tie-break that does not depend on import order of equal files. */
const stable = (a: CohortMember, b: CohortMember) =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;

/** Each enterprise's latest member (highest year; files without a year count as oldest). */
export function latestPerEnterprise(members: readonly CohortMember[]): CohortMember[] {
  const best = new Map<string, CohortMember>();
  for (const m of [...members].sort(stable)) {
    const b = best.get(m.enterprise);
    if (!b || yearOf(m) > yearOf(b)) best.set(m.enterprise, m);
  }
  return [...best.values()].sort(stable);
}

/** One member per enterprise and year (the first in stable order when several files share both). */
export function onePerEnterpriseYear(members: readonly CohortMember[]): CohortMember[] {
  const seen = new Map<string, CohortMember>();
  for (const m of [...members].sort(stable)) {
    const key = `${m.enterprise}\u0000${m.year ?? ''}`;
    if (!seen.has(key)) seen.set(key, m);
  }
  return [...seen.values()];
}

export interface DistributionRow {
  /** The group's value ('' for "not stated"); 'all' for the overall row. */
  group: string;
  /** Enterprises at 未达一级, 一级 … 四级. */
  counts: number[];
  total: number;
}

export type GroupBy = 'all' | 'industry' | 'size' | 'year';

const groupValue = (m: CohortMember, by: GroupBy): string => {
  if (by === 'all') return 'all';
  const v = by === 'year' ? m.year : m.scored.profile[by];
  return v === undefined || v === null ? '' : String(v);
};

/** The level distribution, overall or by industry, size or year; groups sorted by their value. */
export function distribution(members: readonly CohortMember[], by: GroupBy): DistributionRow[] {
  const counted = by === 'year' ? onePerEnterpriseYear(members) : latestPerEnterprise(members);
  const rows = new Map<string, DistributionRow>();
  for (const m of counted) {
    const group = groupValue(m, by);
    const row = rows.get(group) ?? { group, counts: LEVELS.map(() => 0), total: 0 };
    row.counts[memberLevel(m)]! += 1;
    row.total += 1;
    rows.set(group, row);
  }
  return [...rows.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

export interface HeatmapRow {
  scenario: string;
  constraint: boolean;
  /** Enterprises with this scenario at level 0 … 4, and the same as shares of the total (0–1). */
  counts: number[];
  shares: number[];
}

/** Per scenario, how many enterprises (latest year) stand at each level. */
export function scenarioHeatmap(
  members: readonly CohortMember[],
  scenarios: readonly { id: string; constraint: boolean }[],
): HeatmapRow[] {
  const latest = latestPerEnterprise(members);
  return scenarios.map(({ id, constraint }) => {
    const counts = LEVELS.map(() => 0);
    for (const m of latest) {
      const levels = 'scenarioLevels' in m.scored.result ? m.scored.result.scenarioLevels : {};
      counts[levels[id] ?? 0]! += 1;
    }
    return { scenario: id, constraint, counts, shares: counts.map((c) => (latest.length ? c / latest.length : 0)) };
  });
}

export type BlockKind = 'score' | 'scenarios' | 'constraint-scenarios';
export interface Blocker {
  /** The level the enterprises fail to reach. */
  level: number;
  kind: BlockKind;
  /** Enterprises blocked by this condition (one enterprise may be blocked by several). */
  count: number;
}

/** The next level's failing conditions, counted over enterprises (latest year); most frequent first. */
export function blockers(members: readonly CohortMember[]): Blocker[] {
  const tally = new Map<string, Blocker>();
  const add = (level: number, kind: BlockKind) => {
    const key = `${level}:${kind}`;
    const b = tally.get(key) ?? { level, kind, count: 0 };
    b.count += 1;
    tally.set(key, b);
  };
  for (const m of latestPerEnterprise(members)) {
    const g = m.next;
    if (!g) continue;
    if (g.points > 0) add(g.target, 'score');
    if (g.scenarios > 0) add(g.target, 'scenarios');
    if (g.constraintScenarios > 0) add(g.target, 'constraint-scenarios');
  }
  const order: BlockKind[] = ['score', 'scenarios', 'constraint-scenarios'];
  return [...tally.values()].sort(
    (a, b) => b.count - a.count || a.level - b.level || order.indexOf(a.kind) - order.indexOf(b.kind),
  );
}

/**
 * Enterprises (latest year) below 二级, closest first: by the planner's cost of the cheapest way to 二级
 * (unreachable last), then the points missing, then the scenarios missing, then name.
 */
export function closestToLevel2(members: readonly CohortMember[]): CohortMember[] {
  const cost = (m: CohortMember) => m.toLevel2?.cost ?? Infinity;
  return latestPerEnterprise(members)
    .filter((m) => memberLevel(m) < 2 && m.toLevel2)
    .sort(
      (a, b) =>
        cost(a) - cost(b) ||
        a.toLevel2!.points - b.toLevel2!.points ||
        a.toLevel2!.scenarios - b.toLevel2!.scenarios ||
        stable(a, b),
    );
}

export interface Target {
  /** "到 2027 年 300 家达到二级及以上": level 2, count 300, year 2027. */
  level: number;
  count: number;
  year: number;
}
export interface TargetProgress extends Target {
  reached: number;
  remaining: number;
  /** reached / count, 0–1 (capped at 1). */
  share: number;
}

/** Enterprises whose latest assessment up to the target year is at or above the target level. */
export function targetProgress(members: readonly CohortMember[], target: Target): TargetProgress {
  const upTo = members.filter((m) => m.year === undefined || m.year <= target.year);
  const reached = latestPerEnterprise(upTo).filter((m) => memberLevel(m) >= target.level).length;
  return {
    ...target,
    reached,
    remaining: Math.max(0, target.count - reached),
    share: target.count > 0 ? Math.min(1, reached / target.count) : 1,
  };
}

export interface EnterpriseTrend {
  enterprise: string;
  name: string;
  points: { year: number; level: number; score: number | undefined }[];
}

/** Named enterprises with assessments of two or more years, each year once, oldest first. */
export function trends(members: readonly CohortMember[]): EnterpriseTrend[] {
  const byEnterprise = new Map<string, CohortMember[]>();
  for (const m of onePerEnterpriseYear(members)) {
    if (m.year === undefined || !m.enterprise.startsWith('name:')) continue;
    byEnterprise.set(m.enterprise, [...(byEnterprise.get(m.enterprise) ?? []), m]);
  }
  return [...byEnterprise.entries()]
    .filter(([, ms]) => ms.length >= 2)
    .map(([enterprise, ms]) => ({
      enterprise,
      name: enterprise.slice('name:'.length),
      points: ms
        .sort((a, b) => yearOf(a) - yearOf(b))
        .map((m) => ({ year: m.year!, level: memberLevel(m), score: memberScore(m) })),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The threshold actually applied: what the user asked for, but never below MIN_GROUP. */
export const suppressionThreshold = (asked: number | undefined): number =>
  Math.max(MIN_GROUP, Math.ceil(Number.isFinite(asked) ? asked! : MIN_GROUP));

/**
 * Rows for export: a group of fewer enterprises than the threshold keeps its name but not its numbers
 * (null), so no small group can be singled out.
 */
export function suppressRows(
  rows: readonly DistributionRow[],
  asked?: number,
): { group: string; counts: (number | null)[]; total: number | null; suppressed: boolean }[] {
  const threshold = suppressionThreshold(asked);
  return rows.map((r) =>
    r.total < threshold
      ? { group: r.group, counts: r.counts.map(() => null), total: null, suppressed: true }
      : { ...r, counts: [...r.counts], suppressed: false },
  );
}

/** The heatmap for export: nothing but scenario names when the cohort has fewer enterprises than the threshold. */
export function suppressHeatmap(
  rows: readonly HeatmapRow[],
  enterprises: number,
  asked?: number,
): { rows: HeatmapRow[]; suppressed: boolean } {
  if (enterprises >= suppressionThreshold(asked)) return { rows: [...rows], suppressed: false };
  return {
    rows: rows.map((r) => ({ ...r, counts: r.counts.map(() => NaN), shares: r.shares.map(() => NaN) })),
    suppressed: true,
  };
}
