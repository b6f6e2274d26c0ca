/**
 * Scores of the weighted part ("数字化基础、管理和成效") exactly as attachment 1's 评分逻辑 states:
 * an option score 0…100 per item, then Σ item score × item weight × secondary weight × primary weight.
 */
import type { Question, WeightedRubric } from '../rubric/schema';
import type { Answer, Answers } from '../assessment/types';
import { type Rational, ZERO, rat, mul, sum } from './rational';

/**
 * Option score 0…100 of one item. Single choice with n options: i × 100 / (n − 1) (the seed's rule for
 * 5 and 3 options, extended to q8's 6 options as the interchange spec reads it). Multiple choice:
 * 「无」 → 0, else (number selected) × 100 / (n − 1). Unanswered → 0.
 */
export function optionScore(q: Question, answer: Answer | undefined): Rational {
  if (answer === undefined) return ZERO;
  const steps = q.options.length - 1;
  if (q.type === 'single') return rat(Number(answer) * 100, steps);
  const picked = Array.isArray(answer) ? answer : [answer];
  if (picked.includes(q.noneOption ?? 0)) return ZERO;
  return rat(picked.length * 100, steps);
}

export interface ItemScore {
  id: string;
  /** 0…100 before weighting. */
  optionScore: Rational;
  /** Contribution to the total (0 … the item's printed points). */
  points: Rational;
  max: Rational;
  answered: boolean;
}

export interface GroupScore {
  id: string;
  points: Rational;
  max: Rational;
}

export interface ScoreBreakdown {
  items: ItemScore[];
  secondaries: (GroupScore & { dimension: string })[];
  dimensions: GroupScore[];
  total: Rational;
}

export function scoreAnswers(rubric: WeightedRubric, answers: Answers): ScoreBreakdown {
  const items: ItemScore[] = [];
  const secondaries: ScoreBreakdown['secondaries'] = [];
  const dimensions: GroupScore[] = [];
  for (const d of rubric.dimensions) {
    const dimensionParts: Rational[] = [];
    for (const s of d.secondaries) {
      const secondaryParts: Rational[] = [];
      for (const q of s.questions) {
        // weights are percentages: w_item × w_secondary × w_primary / 100³, times a 0…100 option score
        const factor = rat(q.weight * s.weight * d.weight, 1_000_000);
        const answer = answers[q.id];
        const os = optionScore(q, answer);
        const points = mul(os, factor);
        items.push({ id: q.id, optionScore: os, points, max: mul(rat(100), factor), answered: answer !== undefined });
        secondaryParts.push(points);
      }
      const points = sum(secondaryParts);
      secondaries.push({ id: s.id, dimension: d.id, points, max: rat(d.weight * s.weight, 100) });
      dimensionParts.push(points);
    }
    dimensions.push({ id: d.id, points: sum(dimensionParts), max: rat(d.weight) });
  }
  return { items, secondaries, dimensions, total: sum(dimensions.map((x) => x.points)) };
}

/** All questions in table order. */
export function questionsOf(rubric: WeightedRubric): Question[] {
  return rubric.dimensions.flatMap((d) => d.secondaries.flatMap((s) => s.questions));
}
