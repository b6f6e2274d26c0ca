/**
 * Reading a number as Chinese users type it into a 具体数据 blank. Accepted: full-width digits and
 * punctuation (５０, １．５), thousands separators `,` and `，` in groups of three (1,000 / 1，000), a
 * trailing `%` where the field is a percentage, a trailing 万 / 万元 where the field is in 万元. Refused,
 * with the reason, rather than guessed: scientific notation (1e3 is not what anyone means by 1000 on a
 * form), separators not in groups of three (1,5 may be a decimal comma), a unit the field does not use
 * (元 in a 万元 field is off by 10 000), more than one decimal point, anything else.
 */

export interface NumberFieldKind {
  /** The field's unit is % ("98.5%" is 98.5). */
  percent?: boolean;
  /** The field's unit is 万元 (or 万元/年): "1200万" and "1200万元" are 1200. */
  wanYuan?: boolean;
}

export type ParseReason =
  'scientific' | 'separator' | 'percent-not-allowed' | 'unit-not-allowed' | 'yuan-not-wan' | 'not-a-number';

export type Parsed = { kind: 'empty' } | { kind: 'ok'; value: number } | { kind: 'invalid'; reason: ParseReason };

const PLAIN = /^-?\d+(\.\d+)?$/;
/** Groups of three after a first group of 1–3 digits that does not start with 0 ("0,500" is ambiguous). */
const GROUPED = /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/** The field kind from its unit as the rubric prints it (zh-CN). */
export function fieldKindOf(unit: string | undefined): NumberFieldKind {
  return { percent: unit === '%', wanYuan: unit !== undefined && unit.startsWith('万元') };
}

export function parseNumber(raw: string, kind: NumberFieldKind = {}): Parsed {
  // NFKC turns full-width digits, ，．％－ and the ideographic space into their ASCII forms.
  let s = raw
    .normalize('NFKC')
    .replace(/[\u2212\u2013]/g, '-')
    .trim();
  if (s === '') return { kind: 'empty' };
  if (s.endsWith('%')) {
    if (!kind.percent) return { kind: 'invalid', reason: 'percent-not-allowed' };
    s = s.slice(0, -1).trim();
  } else if (/万元?$/.test(s)) {
    if (!kind.wanYuan) return { kind: 'invalid', reason: 'unit-not-allowed' };
    s = s.replace(/万元?$/, '').trim();
  } else if (/\d\s*元$/.test(s)) {
    return { kind: 'invalid', reason: kind.wanYuan ? 'yuan-not-wan' : 'unit-not-allowed' };
  } else if (/\d\s*[亿千百十吨台人个]$/.test(s)) {
    return { kind: 'invalid', reason: 'unit-not-allowed' };
  }
  if (/^-?[\d.,]*\d[eE][+-]?\d+$/.test(s)) return { kind: 'invalid', reason: 'scientific' };
  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replace(/,/g, '');
  else if (/^-?[\d,]+(\.\d+)?$/.test(s) && s.includes(',')) return { kind: 'invalid', reason: 'separator' };
  else return { kind: 'invalid', reason: 'not-a-number' };
  const value = Number(digits);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'not-a-number' };
  return { kind: 'ok', value: Object.is(value, -0) ? 0 : value };
}

/**
 * The text a figure's field shows: as typed while it still reads as the stored figure (an invalid or empty
 * text stands for none, so it is shown again with its error), else the stored figure, changed since by
 * another tab or a helper.
 */
export function shownText(typed: string | undefined, stored: number | undefined, kind: NumberFieldKind = {}): string {
  if (typed !== undefined) {
    const parsed = parseNumber(typed, kind);
    if ((parsed.kind === 'ok' ? parsed.value : undefined) === stored) return typed;
  }
  return stored === undefined ? '' : String(stored);
}
