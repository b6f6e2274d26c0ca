/** A bundled rubric failed validation: one kind of the domain's DataError (code 'rubric', file, issues). */
export { RubricError } from '../data-error-classes';
