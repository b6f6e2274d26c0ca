/** The CLI scorer's output object (shared spec, "Command-line scorer"). */
import type { Evaluation } from './scoring/evaluate';
import { displayScore } from './scoring/level';
import type { ChecklistEvaluation } from './scoring/checklist';

export interface CliResult {
  rubric: string;
  score: number;
  level: number;
  complete: boolean;
  scenarioLevels: Record<string, number>;
}

export function toCliResult(e: Evaluation): CliResult {
  return {
    rubric: e.rubric,
    score: displayScore(e.score.total),
    level: e.level,
    complete: e.complete,
    scenarioLevels: Object.fromEntries(e.scenarios.map((s) => [s.id, s.level])),
  };
}

/** The CLI output for a checklist rubric (docs/assessment-file-checklist.md). */
export interface ChecklistCliResult {
  rubric: string;
  level: number;
  complete: boolean;
  met: number;
  items: number;
  /** Required items still missing for the next level, by category id. */
  missingForNext: Record<string, string[]>;
}

export function toChecklistCliResult(rubric: string, e: ChecklistEvaluation): ChecklistCliResult {
  return {
    rubric,
    level: e.level,
    complete: e.complete,
    met: e.metCount,
    items: e.itemCount,
    missingForNext: Object.fromEntries(e.missingForNext.map((g) => [g.category, g.items])),
  };
}
