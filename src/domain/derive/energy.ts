/**
 * Comprehensive energy consumption in tonnes of standard coal equivalent (吨标准煤), from amounts in
 * each carrier's own unit and the rubric's conversion table (附件 energyCoefficients):
 * tce = amount × coefficient, exactly (both read as the decimals they print as).
 *
 * Empty entries (undefined) are skipped; a typed 0 gives a 0 line. Lines follow the rubric's table
 * order. Every bad entry is reported at once and no total is given then: 'unknown' for an id not in
 * the table, 'not-a-number' for NaN/±Infinity — and also for an amount with so many digits that its
 * exact tce no longer fits a `Rational` (field 'total' if only the sum does not fit) —, 'negative'.
 * Rows of "other energy" (the user's own name, unit and coefficient) come after the table's, as lines
 * `other-<index>` marked `userCoefficient`; a coefficient that is not a positive number is 'coefficient'.
 */
import type { Rational } from '../scoring/rational';
import type { WeightedRubric } from '../rubric/schema';
import { addExact, exactDecimal, mulExact, toRational, type ExactFraction } from './derive';

export interface EnergyLine {
  /** energyCoefficients id */
  id: string;
  amount: number;
  coefficient: number;
  tce: Rational;
  /** Set on an "other energy" row: the coefficient was entered by the user, not taken from the rubric. */
  userCoefficient?: true;
}

/** One "other energy" row of one year: the user's coefficient (tce per unit) and amount. */
export interface OtherEnergyAmount {
  coefficient: number;
  amount: number | undefined;
}

export type EnergyErrorCode = 'negative' | 'not-a-number' | 'unknown' | 'coefficient';

export interface EnergyError {
  field: string;
  code: EnergyErrorCode;
}

export type EnergyResult = { total: Rational; lines: EnergyLine[] } | { errors: EnergyError[] };

/** Amounts by energyCoefficients id, in that carrier's unit (万千瓦时, 吨, 万立方米 …). */
export function energyTce(
  rubric: WeightedRubric,
  amounts: Record<string, number>,
  other: readonly OtherEnergyAmount[] = [],
): EnergyResult {
  const known = new Set(rubric.energyCoefficients.map((c) => c.id));
  const errors: EnergyError[] = [];
  for (const [id, amount] of Object.entries(amounts)) {
    if (amount === undefined) continue;
    if (!known.has(id)) errors.push({ field: id, code: 'unknown' });
    else if (typeof amount !== 'number' || !Number.isFinite(amount)) errors.push({ field: id, code: 'not-a-number' });
    else if (amount < 0) errors.push({ field: id, code: 'negative' });
  }
  other.forEach((o, i) => {
    const field = `other-${i}`;
    if (o.amount === undefined) return;
    if (!(typeof o.coefficient === 'number' && Number.isFinite(o.coefficient) && o.coefficient > 0))
      errors.push({ field, code: 'coefficient' });
    else if (typeof o.amount !== 'number' || !Number.isFinite(o.amount)) errors.push({ field, code: 'not-a-number' });
    else if (o.amount < 0) errors.push({ field, code: 'negative' });
  });
  if (errors.length) return { errors };

  const lines: EnergyLine[] = [];
  let total: ExactFraction = { n: 0n, d: 1n };
  for (const c of rubric.energyCoefficients) {
    const amount = amounts[c.id];
    if (amount === undefined) continue;
    const exact = mulExact(exactDecimal(amount), exactDecimal(c.coefficient));
    const tce = toRational(exact);
    if (!tce) {
      errors.push({ field: c.id, code: 'not-a-number' });
      continue;
    }
    total = addExact(total, exact);
    lines.push({ id: c.id, amount, coefficient: c.coefficient, tce });
  }
  other.forEach((o, i) => {
    if (o.amount === undefined) return;
    const exact = mulExact(exactDecimal(o.amount), exactDecimal(o.coefficient));
    const tce = toRational(exact);
    if (!tce) return void errors.push({ field: `other-${i}`, code: 'not-a-number' });
    total = addExact(total, exact);
    lines.push({ id: `other-${i}`, amount: o.amount, coefficient: o.coefficient, tce, userCoefficient: true });
  });
  if (errors.length) return { errors };
  const sum = toRational(total);
  return sum ? { total: sum, lines } : { errors: [{ field: 'total', code: 'not-a-number' }] };
}
