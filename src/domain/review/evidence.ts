/**
 * The evidence checklist: for everything the enterprise claims, the evidence kinds a reviewer expects
 * (from the evidence guidance) and which of them the user has ticked as ready.
 *
 * What counts as a claim:
 * - a question answered with an option that earns points (multiple choice other than 「无」, single
 *   choice other than option 0 — in this rubric option 0 always scores 0: 「无」, [0–10%], 增加 …);
 *   its expected evidence is the items that apply to the chosen options (`forOptions`);
 * - every counted level of a scenario, 1 … its level (附件2 备注2 gating), key "quality@3".
 * Levels ticked above a gap (e.g. 3 ticked while 2 is not) do not count towards the grade; they are
 * listed separately in `notCounted` so the user sees them but the summary leaves them out.
 *
 * Ticked evidence comes in as `checked`: claim key ("q4", "quality@3") → evidence ids. Ids that the
 * claim does not expect (stale after an answer changed, or misspelt) are dropped, never counted.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { Answer, AssessmentInput } from '../assessment/types';
import { weightedAnswersOf } from '../assessment/answers';
import { optionScore, questionsOf } from '../scoring/score';
import { allScenarios, scenarioResults } from '../scoring/scenarios';
import type { EvidenceGuidance, EvidenceKind } from './evidence-schema';

/** Claim key → ids of the evidence kinds the user has ready. */
export type EvidenceChecks = Readonly<Record<string, readonly string[]>>;

export const questionClaimKey = (questionId: string): string => questionId;
export const scenarioClaimKey = (scenarioId: string, level: number): string => `${scenarioId}@${level}`;

export interface EvidenceClaim {
  /** "q4" or "quality@3": the key of `checked`. */
  key: string;
  kind: 'question' | 'scenario';
  /** Question or scenario id. */
  id: string;
  /** Scenario claims only. */
  level?: number;
  /** false for a scenario level ticked above a gap, which does not count towards the grade. */
  counted: boolean;
  expected: EvidenceKind[];
  /** Ticked ids that this claim expects, in the order of `expected`. */
  checked: string[];
  /** Expected ids not ticked, in the order of `expected`. */
  missing: string[];
}

export interface Readiness {
  claims: number;
  /** Claims with every expected item ticked. */
  fullyReady: number;
  /** Claims with nothing ticked. */
  withNoEvidence: number;
}

export interface EvidenceChecklist {
  /** Counted claims: questions in table order, then scenarios in table order, levels ascending. */
  claims: EvidenceClaim[];
  /** Scenario levels ticked above a gap: shown, but not part of the grade nor of the summary. */
  notCounted: EvidenceClaim[];
  summary: {
    /** Over all counted claims (questions and scenario levels). */
    claims: number;
    fullyReady: number;
    withNoEvidence: number;
    questions: Readiness;
    /** Counted scenario claims per level 1…4. */
    byLevel: (Readiness & { level: number })[];
    notCounted: number;
  };
}

/** Whether an answer earns points, i.e. claims something a reviewer will check. */
export function isClaimed(rubric: WeightedRubric, questionId: string, answer: Answer | undefined): boolean {
  const q = questionsOf(rubric).find((x) => x.id === questionId);
  return q !== undefined && answer !== undefined && optionScore(q, answer).n > 0;
}

function claim(base: Omit<EvidenceClaim, 'checked' | 'missing'>, checked: EvidenceChecks): EvidenceClaim {
  const ticked = new Set(checked[base.key] ?? []);
  return {
    ...base,
    checked: base.expected.filter((e) => ticked.has(e.id)).map((e) => e.id),
    missing: base.expected.filter((e) => !ticked.has(e.id)).map((e) => e.id),
  };
}

function readiness(claims: EvidenceClaim[]): Readiness {
  return {
    claims: claims.length,
    fullyReady: claims.filter((c) => c.missing.length === 0).length,
    withNoEvidence: claims.filter((c) => c.checked.length === 0).length,
  };
}

export function evidenceChecklist(
  rubric: WeightedRubric,
  guidance: EvidenceGuidance,
  file: AssessmentInput,
  checked: EvidenceChecks = {},
): EvidenceChecklist {
  const claims: EvidenceClaim[] = [];
  const notCounted: EvidenceClaim[] = [];

  const answers = weightedAnswersOf(file);
  for (const q of questionsOf(rubric)) {
    const answer = answers[q.id];
    if (answer === undefined || optionScore(q, answer).n <= 0) continue;
    const chosen = Array.isArray(answer) ? answer : [answer];
    const expected = (guidance.questions[q.id] ?? []).filter(
      (e) => !e.forOptions || e.forOptions.some((o) => chosen.includes(o)),
    );
    claims.push(claim({ key: questionClaimKey(q.id), kind: 'question', id: q.id, counted: true, expected }, checked));
  }

  const results = new Map(scenarioResults(rubric, file.scenarios).map((r) => [r.id, r]));
  for (const s of allScenarios(rubric)) {
    const r = results.get(s.id)!;
    const levels = guidance.scenarios[s.id] ?? [];
    const make = (level: number, counted: boolean) =>
      claim(
        {
          key: scenarioClaimKey(s.id, level),
          kind: 'scenario',
          id: s.id,
          level,
          counted,
          expected: levels[level - 1] ?? [],
        },
        checked,
      );
    for (let level = 1; level <= r.level; level++) claims.push(make(level, true));
    for (const level of r.ignoredLevels) notCounted.push(make(level, false));
  }

  const levelCount = Math.max(0, ...allScenarios(rubric).map((s) => s.levels.length));
  const scenarioClaims = claims.filter((c) => c.kind === 'scenario');
  return {
    claims,
    notCounted,
    summary: {
      ...readiness(claims),
      questions: readiness(claims.filter((c) => c.kind === 'question')),
      byLevel: Array.from({ length: levelCount }, (_, i) => ({
        level: i + 1,
        ...readiness(scenarioClaims.filter((c) => c.level === i + 1)),
      })),
      notCounted: notCounted.length,
    },
  };
}
