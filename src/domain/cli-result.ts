/** The CLI scorer's output object (shared spec, "Command-line scorer"). */
import type { Evaluation } from './scoring/evaluate';
import { displayScore } from './scoring/level';

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
