/** Builders for answer sets used across tests. */
import type { Answers, ScenarioChecks } from '../src/domain/index';

export const CONSTRAINT = [
  'product-design',
  'marketing',
  'production',
  'quality',
  'equipment',
  'safety',
  'energy',
  'procurement',
  'warehousing',
  'finance',
];
export const NON_CONSTRAINT = ['process-design', 'after-sales', 'planning', 'hr', 'collaboration', 'decision'];

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** `count` scenarios at exactly `level`, `constraint` of them constraint scenarios. */
export function scenariosAt(level: number, count: number, constraint: number): Record<string, ScenarioChecks> {
  const ids = [...CONSTRAINT.slice(0, constraint), ...NON_CONSTRAINT.slice(0, count - constraint)];
  if (ids.length !== count) throw new Error('not enough scenarios');
  const checks = [0, 1, 2, 3].map((i) => i < level) as unknown as ScenarioChecks;
  return Object.fromEntries(ids.map((id) => [id, checks]));
}

/** Every item at its maximum. */
export const ALL_MAX: Answers = {
  q1: [1, 2, 3, 4],
  q2: 4,
  q3: 4,
  q4: range(1, 14),
  q5: 4,
  q6: [1, 2, 3, 4],
  q7: [1, 2, 3, 4],
  q8: 5,
  q9: [1, 2, 3, 4],
  q10: [1, 2, 3, 4, 5],
  q11: 4,
  q12: 2,
  q13: 2,
  q14: 2,
  q15: 2,
};

/** Every item at its lowest option. */
export const ALL_NONE: Answers = {
  q1: [0],
  q2: 0,
  q3: 0,
  q4: [0],
  q5: 0,
  q6: [0],
  q7: [0],
  q8: 0,
  q9: [0],
  q10: [0],
  q11: 0,
  q12: 0,
  q13: 0,
  q14: 0,
  q15: 0,
};

/** Exactly 20 points: q4 all 14 areas (10) + q5 full coverage (10). */
export const SCORE_20: Answers = { ...ALL_NONE, q4: range(1, 14), q5: 4 };
/** Exactly 40: SCORE_20 + q1 all (8) + q2 top (6) + q3 top (6). */
export const SCORE_40: Answers = { ...SCORE_20, q1: [1, 2, 3, 4], q2: 4, q3: 4 };
/** Exactly 60: SCORE_40 + q6 (5) + q7 (5) + q12 降低 (7) + q14 增加 (3). */
export const SCORE_60: Answers = { ...SCORE_40, q6: [1, 2, 3, 4], q7: [1, 2, 3, 4], q12: 2, q14: 2 };
/** Exactly 80: SCORE_60 + q8 index 5 (7.5) + q9 all (7.5) + q13 持平 (3.5) + q15 持平 (1.5). */
export const SCORE_80: Answers = { ...SCORE_60, q8: 5, q9: [1, 2, 3, 4], q13: 1, q15: 1 };
/** Drop one of q4's 14 areas: the smallest step below a threshold (5/7 of a point). */
export const minusOneArea = (a: Answers): Answers => ({ ...a, q4: range(1, 13) });
