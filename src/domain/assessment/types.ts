/** The answers of one assessment as the engine sees them (the interchange file's `answers` and `scenarios`). */

/** Single choice: option index. Multiple choice: distinct indices, [0] = 「无」. */
export type Answer = number | number[];
export type Answers = Readonly<Record<string, Answer>>;
/** Whether levels 1…4 of a scenario are fully met, as ticked by the enterprise. */
export type ScenarioChecks = readonly [boolean, boolean, boolean, boolean];
export type ScenarioAnswers = Readonly<Record<string, ScenarioChecks>>;

export interface AssessmentInput {
  answers: Answers;
  scenarios: ScenarioAnswers;
}
