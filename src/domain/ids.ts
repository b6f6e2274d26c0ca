/**
 * The one id rule of the data files (rubrics, manifests, guides, cost models, evidence guidance, consistency
 * rules, indicators) and of the ids the extension stores: lower-case kebab-case. Defined once so that a
 * rubric id the schema accepts is an id every other file may name.
 */
import * as v from 'valibot';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const IdSchema = v.pipe(v.string(), v.regex(ID_PATTERN, 'ids are lower-case kebab-case'));
