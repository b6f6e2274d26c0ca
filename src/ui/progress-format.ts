/** Wording shared by the comparison and trend screens and the report's progress sections. */
import { displayScore, type Rational, type TrendPoint, type TrendSeries } from '../domain/index';
import { t, num } from '../i18n/index.svelte';

/** "+1.25", "−0.5" (U+2212 minus) or "0": the sign is always written, so a change reads in black and white. */
export function signedNumber(n: number, digits = 2): string {
  const rounded = Number(n.toFixed(digits));
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${num(Math.abs(rounded), digits)}`;
}

/** An exact score change, rounded as scores are shown (2 decimals). */
export function signedScore(r: Rational): string {
  return signedNumber(displayScore(r));
}

/** "2026 年", or "2026 年（第 2 份）" when the enterprise has several assessments that year. */
export function pointLabel(series: TrendSeries, p: TrendPoint): string {
  const several = series.points.filter((x) => x.year === p.year).length > 1;
  return several ? t('progress.whenNth', { year: p.year, n: p.nthInYear }) : t('progress.when', { year: p.year });
}

/** A point's label with the user's own name for the assessment when it has one. */
export function pointTitle(series: TrendSeries, p: TrendPoint): string {
  const when = pointLabel(series, p);
  return p.label ? `${when} · ${p.label}` : when;
}
