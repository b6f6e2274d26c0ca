/** The answers of one assessment as the engine sees them (the interchange file's `answers` and `scenarios`). */

/** Single choice: option index. Multiple choice: distinct indices, [0] = 「无」. */
export type Answer = number | number[];
export type Answers = Readonly<Record<string, Answer>>;
/** Whether levels 1…4 of a scenario are fully met, as ticked by the enterprise. */
export type ScenarioChecks = readonly [boolean, boolean, boolean, boolean];
export type ScenarioAnswers = Readonly<Record<string, ScenarioChecks>>;

/**
 * An assessment's answers as its file holds them, handed to the engines: `answers` of either model (the rubric
 * the engine is given says which), read by a weighted engine through weightedAnswersOf.
 */
export interface AssessmentInput {
  answers: Readonly<FileAnswers>;
  scenarios: ScenarioAnswers;
}

/** A checklist rubric's answers: item id → met (true) or not (false). */
export type ChecklistAnswers = Record<string, boolean>;
/** A weighted rubric's answers: question id → option index (single) or indices (multiple). */
export type WeightedAnswers = Record<string, Answer>;
/**
 * What a file's one `answers` key holds: a weighted rubric's option indices or a checklist's met / not met.
 * Its `rubric` says which; answerSetOf (or weightedAnswersOf / checklistAnswersOf) reads it as that.
 */
export type FileAnswers = WeightedAnswers | ChecklistAnswers;

/**
 * What an assessment's answers hold, by the model of its rubric: option indices and scenario ticks for a
 * weighted rubric, met / not met per item for a checklist. The file keeps both in its one `answers` key (its
 * `rubric` says which shape applies); answerSetOf reads it as the one its rubric's model says.
 */
export type AnswerSet =
  | { model: 'weighted-scenarios'; answers: Answers; scenarios: ScenarioAnswers }
  | { model: 'required-checklist'; answers: Readonly<ChecklistAnswers> };

/** The four ticks of a scenario from any list of them (missing levels unticked, extra ones ignored). */
export const scenarioChecks = (ticks: readonly boolean[]): ScenarioChecks => [
  ticks[0] === true,
  ticks[1] === true,
  ticks[2] === true,
  ticks[3] === true,
];
