/**
 * The rubric a new assessment follows unless another is chosen: the national evaluation. A module of its own so
 * the build (build/rubric-sizes.ts) can name it without loading the registry and its folders.
 */
export const DEFAULT_RUBRIC = 'cn-sme-2024';
