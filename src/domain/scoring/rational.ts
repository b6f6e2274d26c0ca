/**
 * Exact rational numbers for scoring. Scores like 5/7 (q4: one of 14 areas × 10 points) make
 * floating-point totals drift (39.999…), and the level thresholds are compared exactly, so every
 * score is kept as an integer fraction until it is displayed.
 */
export interface Rational {
  readonly n: number;
  readonly d: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

export function rat(n: number, d = 1): Rational {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) {
    throw new RangeError(`rat(${n}, ${d}): numerator and denominator must be safe integers, d ≠ 0`);
  }
  const g = gcd(n, d) * Math.sign(d);
  return { n: n / g, d: d / g };
}

export const ZERO = rat(0);

/** Exact value of a decimal written in the data (0.9428 → 9428/10000). */
export function fromDecimal(x: number): Rational {
  const [int, frac = ''] = String(x).split('.');
  if (String(x).includes('e')) throw new RangeError(`fromDecimal(${x}): exponent notation not supported`);
  const d = 10 ** frac.length;
  return rat(Number(int + frac), d);
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => {
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  return rat((a.n / g1) * (b.n / g2), (a.d / g2) * (b.d / g1));
};
export const div = (a: Rational, b: Rational): Rational => mul(a, rat(b.d, b.n));
export const cmp = (a: Rational, b: Rational): number => Math.sign(a.n * b.d - b.n * a.d);
export const sum = (xs: readonly Rational[]): Rational => xs.reduce(add, ZERO);
export const toNumber = (a: Rational): number => a.n / a.d;

/** Rounded half away from zero to `places` decimals, computed on the exact value. */
export function toFixedNumber(a: Rational, places = 2): number {
  const scale = 10 ** places;
  const scaled = Math.abs(a.n) * scale;
  const q = Math.floor(scaled / a.d);
  const r = scaled - q * a.d;
  const rounded = 2 * r >= a.d ? q + 1 : q;
  return (Math.sign(a.n) * rounded) / scale;
}
