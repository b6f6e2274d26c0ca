/** Reviewer guidance: evidence checklists and consistency checks (never part of the score). */
export * from './evidence-schema';
export * from './evidence';
export * from './consistency-schema';
export * from './consistency';
export * from './bundled';
export * from './defended';
