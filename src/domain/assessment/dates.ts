/**
 * Dates in the file and the one rule for an assessment's calendar year. Both must give the same answer on
 * every machine: a date read in the importer's local time zone, or a year taken in local time here and in
 * UTC there, made duplicate detection and the re-assessment year depend on where the app ran.
 */

/**
 * ISO 8601 date-time with an explicit offset, as `Date.prototype.toISOString` writes it
 * (`2026-03-01T08:00:00.000Z`) or with a numeric offset (`2026-03-01T16:00:00+08:00`). Seconds and
 * fractions are optional; years beyond 9999 in the expanded form toISOString writes (`+010000-01-01T…`).
 * No offset means "local time" in ISO 8601, which differs between machines: rejected.
 */
const ISO_INSTANT =
  /^(\d{4}|[+-]\d{6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The longest date text accepted (a nine-digit fraction and an offset). */
export const MAX_DATE_CHARS = 40;

/** Milliseconds since the epoch of a strict ISO 8601 date-time (see ISO_INSTANT), else undefined. */
export function parseInstant(x: unknown): number | undefined {
  if (typeof x !== 'string' || x.length > MAX_DATE_CHARS) return undefined;
  const m = ISO_INSTANT.exec(x);
  if (!m || m[1] === '-000000') return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[7] !== 'Z' && (Number(m[8]) > 23 || Number(m[9]) > 59)) return undefined;
  const ms = Date.parse(x);
  return Number.isNaN(ms) ? undefined : ms;
}

export const isIsoInstant = (x: unknown): x is string => parseInstant(x) !== undefined;

/**
 * The time zone in which a creation time becomes a calendar year: China Standard Time (Asia/Shanghai,
 * UTC+8 all year since 1991), where the rubrics apply and the evaluations are filed. Fixed, so that a
 * record created at 00:30 on 1 January in Beijing belongs to the new year on every machine.
 */
export const ASSESSMENT_TIME_ZONE = 'Asia/Shanghai';
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar year of an instant (ms since the epoch) in ASSESSMENT_TIME_ZONE. */
export function calendarYear(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCFullYear();
}
