/**
 * One enterprise file in a cohort (a consultant's clients, a district's pilot enterprises), reduced to
 * what the cohort views need. Computed once per file at import, in a worker; the views aggregate these
 * without re-scoring. The batch CLI and the cohort scoring share `scoreAssessmentText`, so a cohort's
 * CSV and `score --csv` agree cell for cell.
 */
import { cliResultOf, oneLine, parseForScoring, type ScoredText } from '../batch/score-text';
import type { CostModel } from '../planner/cost-model';
import { planLevel } from '../planner/plan';
import { toFixedNumber } from '../scoring/rational';

/** What stands between a weighted-rubric member and one target level (article 6's three conditions). */
export interface LevelGap {
  target: number;
  /** Points missing, 2 decimals half up (0 when the score is enough). */
  points: number;
  /** Scenarios still needed at ≥ target, and how many of them must be constraint scenarios. */
  scenarios: number;
  constraintScenarios: number;
  /** The planner's cost of the cheapest way there (our cost model); undefined when unreachable or not asked for. */
  cost: number | undefined;
}

export interface CohortMember {
  /** SHA-256 of the file's bytes (hex): the same file imported twice is one member. */
  hash: string;
  /** The file name as imported (a path inside a folder or backup when there was one). */
  source: string;
  /** The scorer's result, exactly as the CLI prints it for this file. */
  scored: Extract<ScoredText, { ok: true }>;
  /** The enterprise this file belongs to: its name, else the file itself (anonymous files are never merged). */
  enterprise: string;
  year: number | undefined;
  /** Weighted rubrics: the failing conditions of the next level, and the gap to 二级 when below it. */
  next: LevelGap | undefined;
  toLevel2: LevelGap | undefined;
}

export interface CohortInvalid {
  hash: string;
  source: string;
  error: string;
}

export type ScoredMember = { ok: true; member: CohortMember } | { ok: false; invalid: CohortInvalid };

const countGap = (required: number, actual: number) => Math.max(0, required - actual);

/**
 * One file's member, or its one-line error (the same text the CLI prints). `costsFor` gives the cost
 * model of a weighted rubric (loaded by the caller, so this stays synchronous in its core).
 */
export async function scoreMember(
  raw: string,
  source: string,
  hash: string,
  costsFor: (rubricId: string) => CostModel | undefined,
): Promise<ScoredMember> {
  const parsed = await parseForScoring(raw);
  if (!parsed.ok) return { ok: false, invalid: { hash, source, error: oneLine(parsed.error.message) } };
  const { file, rubric } = parsed;
  const profile = file.profile ?? {};
  const name = typeof profile.name === 'string' ? profile.name.trim() : '';
  const { result, evaluation } = cliResultOf(rubric, file);
  const member: CohortMember = {
    hash,
    source,
    scored: { ok: true, result, profile },
    enterprise: name ? `name:${name}` : `file:${hash}`,
    year: profile.year,
    next: undefined,
    toLevel2: undefined,
  };
  if (!evaluation || rubric.model !== 'weighted-scenarios') return { ok: true, member };
  const costs = costsFor(rubric.id);
  // the planner's cost only where the views rank by it (closest to 二级): thousands of files per import
  const gapTo = (target: number, withCost: boolean): LevelGap | undefined => {
    const check = evaluation.checks.find((c) => c.level === target);
    if (!check) return undefined;
    let points = 0;
    let scenarios = 0;
    let constraintScenarios = 0;
    for (const c of check.conditions) {
      if (c.kind === 'score') points = toFixedNumber(c.gap, 2);
      else if (c.kind === 'scenarios') scenarios = countGap(c.required, c.actual);
      else constraintScenarios = countGap(c.required, c.actual);
    }
    const plan = costs && withCost ? planLevel(rubric, file, target, costs) : undefined;
    return { target, points, scenarios, constraintScenarios, cost: plan?.reachable ? plan.cost : undefined };
  };
  member.toLevel2 = evaluation.level < 2 ? gapTo(2, true) : undefined;
  member.next =
    evaluation.level === 1 ? member.toLevel2 : evaluation.level < 4 ? gapTo(evaluation.level + 1, false) : undefined;
  return { ok: true, member };
}

/** The member's level and score as the views show them. */
export const memberLevel = (m: CohortMember): number => m.scored.result.level;
export const memberScore = (m: CohortMember): number | undefined =>
  'score' in m.scored.result ? m.scored.result.score : undefined;
