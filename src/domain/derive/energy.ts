/**
 * Comprehensive energy consumption in tonnes of standard coal equivalent (吨标准煤), from amounts in
 * each carrier's own unit and the rubric's conversion table (附件 energyCoefficients):
 * tce = amount × coefficient, exactly (both read as the decimals they print as).
 *
 * Empty entries (undefined) are skipped; a typed 0 gives a 0 line. Lines follow the rubric's table
 * order. Every bad entry is reported at once and no total is given then: 'unknown' for an id not in
 * the table, 'not-a-number' for NaN/±Infinity — and also for an amount with so many digits that its
 * exact tce no longer fits a `Rational` (field 'total' if only the sum does not fit) —, 'negative'.
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
}

export type EnergyErrorCode = 'negative' | 'not-a-number' | 'unknown';

export interface EnergyError {
  field: string;
  code: EnergyErrorCode;
}

export type EnergyResult = { total: Rational; lines: EnergyLine[] } | { errors: EnergyError[] };

/** Amounts by energyCoefficients id, in that carrier's unit (万千瓦时, 吨, 万立方米 …). */
export function energyTce(rubric: WeightedRubric, amounts: Record<string, number>): EnergyResult {
  const known = new Set(rubric.energyCoefficients.map((c) => c.id));
  const errors: EnergyError[] = [];
  for (const [id, amount] of Object.entries(amounts)) {
    if (amount === undefined) continue;
    if (!known.has(id)) errors.push({ field: id, code: 'unknown' });
    else if (typeof amount !== 'number' || !Number.isFinite(amount)) errors.push({ field: id, code: 'not-a-number' });
    else if (amount < 0) errors.push({ field: id, code: 'negative' });
  }
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
  if (errors.length) return { errors };
  const sum = toRational(total);
  return sum ? { total: sum, lines } : { errors: [{ field: 'total', code: 'not-a-number' }] };
}
