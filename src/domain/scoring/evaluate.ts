/** One call that gives everything the results screen, the report and the CLI show for an assessment. */
import type { WeightedRubric } from '../rubric/schema';
import type { AssessmentInput } from '../assessment/types';
import { weightedAnswersOf } from '../assessment/answers';
import { type ScoreBreakdown, scoreAnswers, questionsOf } from './score';
import { type ScenarioResult, scenarioResults } from './scenarios';
import { type LevelCheck, type Condition, overallLevel } from './level';

export interface Evaluation {
  rubric: string;
  score: ScoreBreakdown;
  scenarios: ScenarioResult[];
  level: number;
  checks: LevelCheck[];
  /** The level after the reached one, if any, and its unmet conditions. */
  next: LevelCheck | undefined;
  failing: Condition[];
  complete: boolean;
  unanswered: string[];
}

export function evaluate(rubric: WeightedRubric, input: AssessmentInput): Evaluation {
  const answers = weightedAnswersOf(input);
  const score = scoreAnswers(rubric, answers);
  const scenarios = scenarioResults(rubric, input.scenarios);
  const { level, checks, next, failing } = overallLevel(rubric, score.total, scenarios);
  const unanswered = questionsOf(rubric)
    .map((q) => q.id)
    .filter((id) => answers[id] === undefined);
  return {
    rubric: rubric.id,
    score,
    scenarios,
    level,
    checks,
    next,
    failing,
    complete: unanswered.length === 0,
    unanswered,
  };
}
