/**
 * Numeric helpers: suggest an option from the numbers the enterprise types into a question's blanks
 * (rubric `numericFields` + `derivation`). The suggestion is only that — the user may override it.
 *
 * Rules:
 * - Everything is computed exactly. A typed number is read as the decimal it prints as (12.5 → 125/10,
 *   1e-7 → 1/10⁷) and all comparisons are done on integer fractions, so 0.07 / 0.7 is exactly 10 % and
 *   falls in [0–10%], and 0.3 / 3 equals 0.1 / 1 ("flat"). The arithmetic uses bigint internally
 *   because the cross-multiplications of two typed decimals can exceed 2^53, where `Rational` would
 *   throw (mul) or silently round (cmp); results that leave this module are plain numbers for display
 *   or `Rational`s (energy.ts).
 * - A field with `sameAs: "q14.revenue-last-year"` always reads that other question's value; a value
 *   stored under the referencing question's own entry is ignored (the source wins), so one figure can
 *   never disagree with itself. Missing ids and errors still name the referencing question's own field
 *   id; `FieldValue.from` tells the UI where the value came from.
 * - Bad numbers never produce an option. Errors on the typed values (not-a-number, negative, over-100,
 *   zero-denominator) are reported as soon as they are typed, before the question is complete;
 *   'exceeds-total' needs both numbers and is checked once nothing is missing.
 * - No rubric number appears here: field ids, bucket bounds and option indices all come from the data.
 */
import { rat, type Rational } from '../scoring/rational';
import { questionsOf } from '../scoring/score';
import type { NumericField, Question, WeightedRubric } from '../rubric/schema';

export type Trend = 'increase' | 'flat' | 'decrease';

/** One typed number as used in the arithmetic; `from` is the sameAs source ("q2.equipment-total"). */
export interface FieldValue {
  field: string;
  value: number;
  from?: string;
}

/**
 * The arithmetic behind a suggestion, as data so the UI can word it in either language.
 * Display numbers (percent, per100, quotient) are rounded from the exact value; the option is always
 * decided on the exact value, so two displayed numbers may look equal while the result is not "flat".
 */
export type Step =
  /** numerator / denominator × 100 = percent, which falls in bucket (option index) `bucket`. */
  | { kind: 'ratio'; numerator: FieldValue; denominator: FieldValue; percent: number; bucket: number }
  /**
   * value per 100 yuan of revenue (revenue in 万元), to 6 significant digits. per100Unit 'yuan': value
   * and revenue share a unit (cost in 万元), so per100 is yuan per 100 yuan; 'value-unit': per100 is in
   * the value's own unit per 100 yuan (tce per 100 yuan for energy).
   */
  | {
      kind: 'per-revenue';
      year: 'last' | 'before';
      value: FieldValue;
      revenue: FieldValue;
      per100: number;
      per100Unit: 'yuan' | 'value-unit';
    }
  /** value / per (revenue per employee, in the value's unit per person), to 6 significant digits. */
  | { kind: 'quotient'; year: 'after' | 'before'; value: FieldValue; per: FieldValue; quotient: number }
  /** after vs before (the numbers shown are the ones of the previous steps, or the typed values). */
  | { kind: 'compare'; after: number; before: number; result: Trend };

export type DeriveErrorCode = 'negative' | 'zero-denominator' | 'exceeds-total' | 'not-a-number' | 'over-100';

export interface DeriveError {
  field: string;
  code: DeriveErrorCode;
}

export type Derived =
  | { kind: 'none' }
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'error'; errors: DeriveError[] }
  | { kind: 'ok'; option: number; arithmetic: Step[] };

/** qid → field id → value as typed. */
export type TypedNumbers = Record<string, Record<string, number>>;

/** Revenue fields are in 万元: one revenue unit is 10 000 yuan, i.e. 100 lots of 100 yuan. */
const HUNDRED_YUAN_PER_REVENUE_UNIT = 100n;

// ---------------------------------------------------------------------------------------------------
// Exact decimal fractions (bigint).

/** n / d with d > 0 and the sign on n; not necessarily reduced. */
export interface ExactFraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** The exact value of a finite number as it prints (0.1 → 1/10, 1.5e-7 → 15/10⁸). */
export function exactDecimal(x: number): ExactFraction {
  if (!Number.isFinite(x)) throw new RangeError(`exactDecimal(${x}): not a finite number`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`exactDecimal(${x}): unexpected format`);
  const [, sign, int = '', frac = '', exp = '0'] = m;
  const digits = BigInt(int + frac) * (sign ? -1n : 1n);
  const scale = frac.length - Number(exp);
  return scale >= 0 ? { n: digits, d: 10n ** BigInt(scale) } : { n: digits * 10n ** BigInt(-scale), d: 1n };
}

const fmul = (a: ExactFraction, b: ExactFraction): ExactFraction => ({ n: a.n * b.n, d: a.d * b.d });
const fdiv = (a: ExactFraction, b: ExactFraction): ExactFraction =>
  b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
const fcmp = (a: ExactFraction, b: ExactFraction): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
};
export const addExact = (a: ExactFraction, b: ExactFraction): ExactFraction => ({
  n: a.n * b.d + b.n * a.d,
  d: a.d * b.d,
});
export const mulExact = fmul;

const absBig = (x: bigint) => (x < 0n ? -x : x);
function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/** The fraction as a `Rational`, or undefined when its reduced terms do not fit in safe integers. */
export function toRational(f: ExactFraction): Rational | undefined {
  const g = gcdBig(f.n, f.d);
  const n = f.n / g;
  const d = f.d / g;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (absBig(n) > max || d > max) return undefined;
  return rat(Number(n), Number(d));
}

/** n / d rounded half away from zero to an integer. */
function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const an = absBig(n);
  const ad = absBig(d);
  const q = (2n * an + ad) / (2n * ad);
  return neg ? -q : q;
}

/** Rounded half away from zero to `places` decimals. */
function roundDecimals(f: ExactFraction, places: number): number {
  return Number(`${roundDiv(f.n * 10n ** BigInt(places), f.d)}e-${places}`);
}

/** Rounded half away from zero to `digits` significant digits. */
function roundSignificant(f: ExactFraction, digits: number): number {
  const an = absBig(f.n);
  if (an === 0n) return 0;
  // e such that 10^e ≤ |f| < 10^(e+1): the digit-count estimate is e or e + 1.
  let e = an.toString().length - f.d.toString().length;
  const atLeast = (k: number) => (k >= 0 ? an >= f.d * 10n ** BigInt(k) : an * 10n ** BigInt(-k) >= f.d);
  if (!atLeast(e)) e -= 1;
  const shift = digits - 1 - e; // multiply by 10^shift to keep `digits` digits before the point
  const q = shift >= 0 ? roundDiv(f.n * 10n ** BigInt(shift), f.d) : roundDiv(f.n, f.d * 10n ** BigInt(-shift));
  return Number(`${q}e${-shift}`);
}

// ---------------------------------------------------------------------------------------------------
// Reading the typed numbers.

type Role = 'value' | 'denominator';

interface Use {
  field: string;
  role: Role;
}

function uses(q: Question): Use[] {
  const d = q.derivation!;
  const listed: Use[] = (() => {
    switch (d.kind) {
      case 'ratio-bucket':
        return [
          { field: d.numerator, role: 'value' as const },
          { field: d.denominator, role: 'denominator' as const },
        ];
      case 'per-revenue-trend':
        return [
          { field: d.valueLastYear, role: 'value' as const },
          { field: d.valueYearBefore, role: 'value' as const },
          { field: d.revenueLastYear, role: 'denominator' as const },
          { field: d.revenueYearBefore, role: 'denominator' as const },
        ];
      case 'value-trend':
        return [
          { field: d.after, role: 'value' as const },
          { field: d.before, role: 'value' as const },
          ...(d.afterPer ? [{ field: d.afterPer, role: 'denominator' as const }] : []),
          ...(d.beforePer ? [{ field: d.beforePer, role: 'denominator' as const }] : []),
        ];
    }
  })();
  // In the order the question lists its blanks, so "missing" reads like the form.
  const order = (q.numericFields ?? []).map((f) => f.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return listed.sort((a, b) => rank(a.field) - rank(b.field));
}

function fieldDef(q: Question, id: string): NumericField | undefined {
  return q.numericFields?.find((f) => f.id === id);
}

/** The typed value of a field, following sameAs (the source always wins). */
function typed(q: Question, id: string, numbers: TypedNumbers): { value: number | undefined; from?: string } {
  const source = fieldDef(q, id)?.sameAs;
  if (source) {
    const dot = source.indexOf('.');
    const value = numbers[source.slice(0, dot)]?.[source.slice(dot + 1)];
    return { value: value ?? undefined, from: source };
  }
  return { value: numbers[q.id]?.[id] ?? undefined };
}

const isPercentField = (f: NumericField | undefined) => f?.unit?.en === '%' || f?.unit?.['zh-CN'] === '%';

// ---------------------------------------------------------------------------------------------------

/**
 * The option the typed numbers point to for one question. Throws for an unknown question id
 * (a programming error, not a user one).
 */
export function deriveOption(rubric: WeightedRubric, questionId: string, numbers: TypedNumbers): Derived {
  const q = questionsOf(rubric).find((x) => x.id === questionId);
  if (!q) throw new RangeError(`deriveOption: unknown question ${questionId}`);
  const d = q.derivation;
  if (!d) return { kind: 'none' };

  const values = new Map<string, FieldValue>();
  const exact = new Map<string, ExactFraction>();
  const errors: DeriveError[] = [];
  const missing: string[] = [];
  for (const { field, role } of uses(q)) {
    const { value, from } = typed(q, field, numbers);
    if (value === undefined) {
      missing.push(field);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ field, code: 'not-a-number' });
    else if (value < 0) errors.push({ field, code: 'negative' });
    else if (isPercentField(fieldDef(q, field)) && value > 100) errors.push({ field, code: 'over-100' });
    else if (role === 'denominator' && value === 0) errors.push({ field, code: 'zero-denominator' });
    else {
      values.set(field, from ? { field, value, from } : { field, value });
      exact.set(field, exactDecimal(value));
    }
  }
  if (errors.length) return { kind: 'error', errors };
  if (missing.length) return { kind: 'incomplete', missing };

  const fv = (id: string) => values.get(id)!;
  const ex = (id: string) => exact.get(id)!;

  switch (d.kind) {
    case 'ratio-bucket': {
      const percent = fmul(fdiv(ex(d.numerator), ex(d.denominator)), { n: 100n, d: 1n });
      const bucket = d.upperBounds.findIndex((b) => fcmp(percent, exactDecimal(b)) <= 0);
      if (bucket < 0) return { kind: 'error', errors: [{ field: d.numerator, code: 'exceeds-total' }] };
      const step: Step = {
        kind: 'ratio',
        numerator: fv(d.numerator),
        denominator: fv(d.denominator),
        percent: roundDecimals(percent, 2),
        bucket,
      };
      return { kind: 'ok', option: bucket, arithmetic: [step] };
    }
    case 'per-revenue-trend': {
      const valueUnit = fieldDef(q, d.valueLastYear)?.unit?.['zh-CN'];
      const sameUnit = valueUnit !== undefined && valueUnit === fieldDef(q, d.revenueLastYear)?.unit?.['zh-CN'];
      const perRevenue = (year: 'last' | 'before', value: string, revenue: string) => {
        const exactRatio = fdiv(ex(value), ex(revenue));
        // value / (revenue × 10 000 / 100): for a value in 万元 as well the 10 000s cancel.
        const per100 = sameUnit
          ? fmul(exactRatio, { n: 100n, d: 1n })
          : fdiv(exactRatio, { n: HUNDRED_YUAN_PER_REVENUE_UNIT, d: 1n });
        const step: Extract<Step, { kind: 'per-revenue' }> = {
          kind: 'per-revenue',
          year,
          value: fv(value),
          revenue: fv(revenue),
          per100: roundSignificant(per100, 6),
          per100Unit: sameUnit ? 'yuan' : 'value-unit',
        };
        return { exact: exactRatio, shown: step.per100, step };
      };
      const last = perRevenue('last', d.valueLastYear, d.revenueLastYear);
      const before = perRevenue('before', d.valueYearBefore, d.revenueYearBefore);
      return compared(last, before, d.options, [last.step, before.step]);
    }
    case 'value-trend': {
      if (d.afterPer && d.beforePer) {
        const quotient = (year: 'after' | 'before', value: string, per: string) => {
          const exactQuotient = fdiv(ex(value), ex(per));
          const step: Extract<Step, { kind: 'quotient' }> = {
            kind: 'quotient',
            year,
            value: fv(value),
            per: fv(per),
            quotient: roundSignificant(exactQuotient, 6),
          };
          return { exact: exactQuotient, shown: step.quotient, step };
        };
        const after = quotient('after', d.after, d.afterPer);
        const before = quotient('before', d.before, d.beforePer);
        return compared(after, before, d.options, [after.step, before.step]);
      }
      const plain = (id: string) => ({ exact: ex(id), shown: fv(id).value });
      return compared(plain(d.after), plain(d.before), d.options, []);
    }
  }
}

function compared(
  after: { exact: ExactFraction; shown: number },
  before: { exact: ExactFraction; shown: number },
  options: Record<Trend, number>,
  steps: Step[],
): Derived {
  const c = fcmp(after.exact, before.exact);
  const result: Trend = c > 0 ? 'increase' : c < 0 ? 'decrease' : 'flat';
  const step: Step = { kind: 'compare', after: after.shown, before: before.shown, result };
  return { kind: 'ok', option: options[result], arithmetic: [...steps, step] };
}
