/** The phrases (phrases.ts) in the UI's language, for screens and components. */
import { active } from './index.svelte';
import { phrases } from './phrases';

export { formatDate } from './phrases';

export const {
  levelName,
  describeCondition,
  describeFileIssue,
  points,
  scenarioName,
  questionNumber,
  reasonText,
  planScenarioText,
  planItemText,
  planOutcomeText,
  planSummary,
  signedNumber,
  signedScore,
  pointLabel,
  pointTitle,
} = phrases(active);
