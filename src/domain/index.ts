/** The public surface of the pure domain layer: the UI, the CLI and the tests import from here. */
export * from './rubric/schema';
export * from './rubric/load';
export * from './rubric/registry';
export * from './scoring/rational';
export * from './scoring/score';
export * from './scoring/scenarios';
export * from './scoring/level';
export * from './scoring/evaluate';
export * from './assessment/types';
export * from './assessment/file';
export * from './assessment/profile';
export * from './assessment/extension';
export * from './cli-result';
