/**
 * The error classes of data-error.ts without valibot: what the first visit needs (the rubric registry throws
 * RubricError) without carrying the schema library, which only the lazily loaded validators use. Import them
 * from data-error.ts as before (it re-exports them); the bundler follows the re-export here.
 */
import type { FileIssue } from './assessment/issues';

export interface DataIssue {
  /** Dotted path inside the file, '(root)' for the whole file. */
  path: string;
  message: string;
  /** Set where issues of several files travel together (a rubric folder). */
  file?: string;
}

export type DataErrorCode =
  'data' | 'rubric' | 'guide' | 'planner' | 'indicators' | 'roadmap' | 'review' | 'compare' | 'assessment';

/** "file path: message" of the first issue ('(root)' when there is none). */
export function describeDataIssues(file: string, issues: readonly DataIssue[]): string {
  const first = issues[0];
  const where = [first?.file ?? file, first?.path].filter(Boolean).join(' ');
  return `${where}: ${first?.message ?? 'invalid'}`;
}

/**
 * What is wrong with a data file: its kind (`code`), the file and every issue. Issues are DataIssues (path and
 * English message), except for an assessment file's, which keep their code and detail for the app to translate.
 */
export class DataError<I = DataIssue> extends Error {
  readonly code: DataErrorCode = 'data';
  constructor(
    message: string,
    readonly issues: I[] = [],
    readonly file = '',
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A DataError subclass: what the callers catch or test by name (`instanceof PlannerError`). */
export type DataErrorClass = new (message: string, issues?: DataIssue[], file?: string) => DataError;

const kind = (code: DataErrorCode, name: string): DataErrorClass =>
  class extends DataError {
    override readonly code = code;
    constructor(message: string, issues: DataIssue[] = [], file = '') {
      super(message, issues, file);
      this.name = name;
    }
  };

/** A bundled rubric or its manifest failed validation, or a rubric id is not registered. */
export const RubricError = kind('rubric', 'RubricError');
/** An industry guide failed validation or does not fit the rubric it is applied to. */
export const GuideError = kind('guide', 'GuideError');
/** A cost model or mapping failed validation, or a plan cannot be made from the data given. */
export const PlannerError = kind('planner', 'PlannerError');
/** rubrics/effect-indicators.json failed validation. */
export const IndicatorDataError = kind('indicators', 'IndicatorDataError');
/** A guide's actions cannot be ordered into a roadmap (duplicate ids, unknown references, cycles). */
export const RoadmapError = kind('roadmap', 'RoadmapError');
/** Evidence guidance or consistency rules failed validation against their rubric. */
export const ReviewDataError = kind('review', 'ReviewDataError');
/** Two assessments cannot be compared (different rubrics). */
export const CompareError = kind('compare', 'CompareError');
export type RubricError = DataError;
export type GuideError = DataError;
export type PlannerError = DataError;
export type IndicatorDataError = DataError;
export type RoadmapError = DataError;
export type ReviewDataError = DataError;
export type CompareError = DataError;

/**
 * An assessment file (import, merge, the CLI scorer, a stored record) is not one the spec accepts: its issues
 * name each offending key with a code (translated by the app; described in English by describeIssue). The
 * message is the first issue in English, with a count of the others; the file, when the caller named one.
 */
export class AssessmentFileError extends DataError<FileIssue> {
  override readonly code = 'assessment';
  constructor(message: string, issues: FileIssue[], file = '') {
    super(message, issues, file);
    this.name = 'AssessmentFileError';
  }
}

/** Throws `error` (DataError by default) for `file`, its message naming the first issue. */
export function throwIssues(file: string, issues: DataIssue[], error: DataErrorClass = DataError): never {
  throw new error(describeDataIssues(file, issues), issues, file);
}
